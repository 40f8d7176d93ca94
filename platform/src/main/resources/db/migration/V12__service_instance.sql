-- The running instances of each service (platform): each one writes its row every few seconds. The processors'
-- segments are shared out among the instances seen recently, so that none hoards them while another is idle.
CREATE TABLE service_instance (
    service VARCHAR(100)             NOT NULL,
    node    VARCHAR(255)             NOT NULL,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (service, node)
);
