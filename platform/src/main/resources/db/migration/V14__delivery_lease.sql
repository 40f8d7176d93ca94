-- Which instance of notification-service is attempting a delivery (notification-service): taken before an attempt,
-- given back after its result is recorded, so that two instances never send the same delivery at the same time.
-- A lease of an instance that died mid-attempt lapses at "until", and the delivery is attempted again.
CREATE TABLE delivery_lease (
    delivery_id VARCHAR(64)              PRIMARY KEY,
    holder      VARCHAR(255)             NOT NULL,
    until       TIMESTAMP WITH TIME ZONE NOT NULL
);
