CREATE TABLE `attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`conference_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`department_id` text,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`conference_id`) REFERENCES `conferences`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_conference_idx` ON `attendance` (`conference_id`);--> statement-breakpoint
CREATE INDEX `attendance_person_idx` ON `attendance` (`person_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `conference_departments` (
	`conference_id` text NOT NULL,
	`department_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`conference_id`, `department_id`),
	FOREIGN KEY (`conference_id`) REFERENCES `conferences`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `conference_departments_department_idx` ON `conference_departments` (`department_id`);--> statement-breakpoint
CREATE TABLE `conferences` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`time` text,
	`venue` text,
	`organizer` text NOT NULL,
	`host_department_id` text,
	`status` text NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`host_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `conferences_date_idx` ON `conferences` (`date`);--> statement-breakpoint
CREATE TABLE `department_names` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` text NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`until` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `department_names_department_idx` ON `department_names` (`department_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`listed` integer DEFAULT true NOT NULL,
	`listed_from` text,
	`listed_until` text,
	`contact_person` text,
	`contact_phone` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`notes` text,
	`status` text DEFAULT 'active' NOT NULL,
	`merged_into_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_active_name_uq` ON `departments` (`name`) WHERE status = 'active';--> statement-breakpoint
CREATE INDEX `departments_sort_idx` ON `departments` (`sort_order`,`id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`department_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`title` text,
	`phone` text,
	`email` text,
	`tenure_start` text,
	`tenure_end` text,
	`notes` text,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `people_department_idx` ON `people` (`department_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`date` text NOT NULL,
	`course` text NOT NULL,
	`hours` real,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trainings_person_idx` ON `trainings` (`person_id`,`date`);