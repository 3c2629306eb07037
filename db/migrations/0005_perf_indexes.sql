CREATE INDEX `attendance_department_idx` ON `attendance` (`department_id`);--> statement-breakpoint
CREATE INDEX `attendance_substitute_idx` ON `attendance` (`substitute_for_person_id`);--> statement-breakpoint
CREATE INDEX `attendance_quota_idx` ON `attendance` (`conference_id`,`status`,`role`,`person_id`,`department_id`);--> statement-breakpoint
CREATE INDEX `conference_speakers_department_idx` ON `conference_speakers` (`department_id`);--> statement-breakpoint
CREATE INDEX `conferences_host_department_idx` ON `conferences` (`host_department_id`);--> statement-breakpoint
CREATE INDEX `documents_person_idx` ON `documents` (`person_id`);--> statement-breakpoint
CREATE INDEX `documents_updated_idx` ON `documents` (`updated_at`,`id`);--> statement-breakpoint
DROP INDEX `conferences_status_date_idx`;--> statement-breakpoint
CREATE INDEX `conferences_status_date_idx` ON `conferences` (`status`,`date`,`organizer`,`host_department_id`,`id`);
