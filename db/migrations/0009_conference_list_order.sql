DROP INDEX `conferences_date_idx`;--> statement-breakpoint
CREATE INDEX `conferences_list_order_idx` ON `conferences` (`date`,`time`,"id" DESC);