-- The re-key point: records already in the chain were hashed with plain SHA-256 and keep
-- verifying that way; every record appended from now on is sealed with the keyed HMAC.
-- On a fresh database the head is at 0, so the whole chain is keyed (keyed_from = 1).
UPDATE audit_head SET keyed_from = seq + 1 WHERE id = 1;
