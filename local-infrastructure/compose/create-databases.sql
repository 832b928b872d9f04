-- One database per service; no service reads another's.
create database event_service;
create database volunteer_service;
create database donation_service;
create database notification_service;
create database identity_service;
