-- An operator asked "what did we send Qiao?" reads one recipient's deliveries, newest first.
create index delivery_by_recipient on delivery (recipient, created_at desc);
