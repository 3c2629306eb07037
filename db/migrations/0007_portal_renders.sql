CREATE TABLE `portal_renders` (
	`document_id` text PRIMARY KEY NOT NULL,
	`render_key` text NOT NULL,
	`docx_sha256` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
