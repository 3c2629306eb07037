CREATE TABLE `calendar_overrides` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `conference_media` (
	`conference_id` text NOT NULL,
	`media_id` text NOT NULL,
	`attended` integer,
	PRIMARY KEY(`conference_id`, `media_id`),
	FOREIGN KEY (`conference_id`) REFERENCES `conferences`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`media_id`) REFERENCES `media_outlets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `conference_speakers` (
	`conference_id` text NOT NULL,
	`person_id` text NOT NULL,
	`department_id` text NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`conference_id`, `person_id`),
	FOREIGN KEY (`conference_id`) REFERENCES `conferences`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `conference_speakers_person_idx` ON `conference_speakers` (`person_id`);--> statement-breakpoint
CREATE TABLE `media_outlets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`contact_person` text,
	`phone` text,
	`email` text,
	`notes` text,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quota_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`minimum` integer NOT NULL,
	`effective_from` text NOT NULL,
	`source` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `attendance` ADD `substitute_for_person_id` text REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `conferences` ADD `kind` text;--> statement-breakpoint
ALTER TABLE `conferences` ADD `cancel_reason` text;--> statement-breakpoint
ALTER TABLE `conferences` ADD `postponed_from_id` text;--> statement-breakpoint
ALTER TABLE `conferences` ADD `postponed_to_id` text;--> statement-breakpoint
CREATE INDEX `conferences_status_date_idx` ON `conferences` (`status`,`date`);