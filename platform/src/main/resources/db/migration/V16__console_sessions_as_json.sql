-- The console's sessions are written as encrypted JSON from this release on: the Java-serialised ones written before
-- cannot be read by it (each signed-in user signs in once more after the upgrade). Sessions are not part of the
-- record: nothing else is lost.
DELETE FROM console_session_attributes;
DELETE FROM console_session;
