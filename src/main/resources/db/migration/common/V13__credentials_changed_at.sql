-- When an account was last disabled or enabled, given a new password, roles, facility or regions. Every
-- node compares it with what it verified of the account (RecentlyVerifiedCredentials) and with when a
-- UI session began (SessionLifetime), so a change made on one node holds on all of them at once.
alter table staff_account add column credentials_changed_at timestamp with time zone;
