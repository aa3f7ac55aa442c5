-- Runs once, as the image's superuser, when the data volume is created (docker-entrypoint-initdb.d).
-- The owner that runs the migrations and the worker is NOT a superuser (issue 9 §3; ADR 0020):
-- it owns the database and may create the application role, nothing more.
\set owner_password `echo "$VHD_OWNER_PASSWORD"`
CREATE ROLE vhd_owner LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB CREATEROLE PASSWORD :'owner_password';
CREATE DATABASE vhd OWNER vhd_owner ENCODING 'UTF8' TEMPLATE template0;
\connect vhd
-- pgcrypto is a trusted extension, but create it here so the owner needs no extra right
CREATE EXTENSION IF NOT EXISTS pgcrypto;
REVOKE ALL ON DATABASE vhd FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE vhd TO vhd_owner;
