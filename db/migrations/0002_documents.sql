CREATE TABLE `answer_versions` (
	`answer_id` text NOT NULL,
	`version` integer NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`author` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`answer_id`, `version`),
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `answers` (
	`id` text PRIMARY KEY NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`department_id` text,
	`topic` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`reviewed_at` text,
	`reviewed_by` text,
	`archived` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `answers_department_idx` ON `answers` (`department_id`);--> statement-breakpoint
CREATE TABLE `document_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`version` integer NOT NULL,
	`action` text NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	`comment` text,
	`confidentiality_by` text,
	`agency_confirmation` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_reviews_document_idx` ON `document_reviews` (`document_id`,`at`);--> statement-breakpoint
CREATE TABLE `document_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`based_on` text,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `document_versions` (
	`document_id` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`talking_points` text,
	`author` text NOT NULL,
	`at` text NOT NULL,
	`note` text,
	PRIMARY KEY(`document_id`, `version`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`conference_id` text,
	`department_id` text,
	`person_id` text,
	`body` text NOT NULL,
	`talking_points` text,
	`status` text NOT NULL,
	`drafter` text,
	`reviewer` text,
	`reviewed_at` text,
	`confidentiality_by` text,
	`confidentiality_at` text,
	`agency_confirmation` text,
	`portal_column` text,
	`doc_number` text,
	`policy_title` text,
	`policy_number` text,
	`policy_date` text,
	`template_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`conference_id`) REFERENCES `conferences`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_conference_idx` ON `documents` (`conference_id`);--> statement-breakpoint
CREATE INDEX `documents_department_idx` ON `documents` (`department_id`);--> statement-breakpoint
CREATE INDEX `documents_status_idx` ON `documents` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `exchange_packs` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`department_id` text NOT NULL,
	`department_name` text NOT NULL,
	`office` text NOT NULL,
	`content` text NOT NULL,
	`returned_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
