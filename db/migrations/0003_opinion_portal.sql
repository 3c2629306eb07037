CREATE TABLE `document_channels` (
	`document_id` text NOT NULL,
	`channel` text NOT NULL,
	`date` text NOT NULL,
	PRIMARY KEY(`document_id`, `channel`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_channels_date_idx` ON `document_channels` (`date`);--> statement-breakpoint
CREATE TABLE `opinion_items` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`channel` text NOT NULL,
	`summary` text NOT NULL,
	`topic` text,
	`link` text,
	`detected_at` text NOT NULL,
	`grade` text NOT NULL,
	`judgement` text,
	`reaction` text,
	`media_involvement` text,
	`department_id` text,
	`response` text,
	`deadline_at` text NOT NULL,
	`answered_at` text,
	`document_id` text,
	`conference_id` text,
	`status` text NOT NULL,
	`reported_to` text,
	`reported_at` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`conference_id`) REFERENCES `conferences`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opinion_items_detected_idx` ON `opinion_items` (`detected_at`);--> statement-breakpoint
CREATE INDEX `opinion_items_status_idx` ON `opinion_items` (`status`,`deadline_at`);--> statement-breakpoint
CREATE INDEX `opinion_items_department_idx` ON `opinion_items` (`department_id`);--> statement-breakpoint
CREATE TABLE `portal_entries` (
	`document_id` text PRIMARY KEY NOT NULL,
	`index_no` text NOT NULL,
	`topic_category` text,
	`disclosure` text DEFAULT '主动公开' NOT NULL,
	`summary` text,
	`exported_hash` text,
	`exported_sequence` integer,
	`exported_files` text,
	`withdrawn_sequence` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portal_entries_index_no_unique` ON `portal_entries` (`index_no`);--> statement-breakpoint
CREATE TABLE `portal_exports` (
	`sequence` integer PRIMARY KEY NOT NULL,
	`generated_at` text NOT NULL,
	`full` integer NOT NULL,
	`added` integer NOT NULL,
	`changed` integer NOT NULL,
	`withdrawn` integer NOT NULL,
	`manifest_sha256` text NOT NULL,
	`manifest` text NOT NULL,
	`folder` text NOT NULL,
	`actor` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `portal_files` (
	`sha256` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `portal_serials` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
