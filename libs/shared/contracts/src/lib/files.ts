/**
 * Attachments: one service for photos, application documents, expense evidence and project
 * evidence. A file always belongs to an owner (a domain object such as an asset or an
 * application); whoever may see the owner may see its files — never whoever knows a file id.
 */

/** What a file is for; each purpose has its own size cap (API configuration) and allowed types. */
export const FILE_PURPOSES = [
  'photo',
  'application_document',
  'expense_evidence',
  'project_evidence',
  'export',
] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** Media types Madang recognises from a file's bytes (never from what the client declares). */
export const FILE_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/x-hwp',
  'application/hwp+zip',
  'text/plain',
  'text/csv',
] as const;
export type FileMediaType = (typeof FILE_MEDIA_TYPES)[number];

/** The file-name extensions that go with each media type (the first is the usual one). */
export const FILE_EXTENSIONS: Readonly<Record<FileMediaType, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/webp': ['.webp'],
  'image/gif': ['.gif'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  'application/x-hwp': ['.hwp'],
  'application/hwp+zip': ['.hwpx'],
  'text/plain': ['.txt'],
  'text/csv': ['.csv'],
};

const IMAGES: readonly FileMediaType[] = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const OFFICE: readonly FileMediaType[] = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/x-hwp',
  'application/hwp+zip',
];

/** Which media types each purpose accepts (the web app uses it for `accept=`). */
export const FILE_PURPOSE_MEDIA_TYPES: Readonly<Record<FilePurpose, readonly FileMediaType[]>> = {
  photo: IMAGES,
  application_document: [...OFFICE, ...IMAGES, 'text/plain', 'text/csv'],
  expense_evidence: [...OFFICE, ...IMAGES, 'text/csv'],
  project_evidence: [...OFFICE, ...IMAGES, 'text/plain', 'text/csv'],
  export: [
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  ],
};

/** A stored file as the API describes it. */
export interface FileInfo {
  id: string;
  ownerType: string;
  ownerId: string;
  purpose: FilePurpose;
  /** The sanitised original name (Korean kept). */
  name: string;
  mediaType: FileMediaType;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  uploadedBy: string;
  createdAt: string;
  /** Relative URL of the bytes (GET). */
  contentUrl: string;
}

/** The result of an upload: `deduplicated` when the owner already had these exact bytes for this purpose. */
export interface FileUploadResult extends FileInfo {
  deduplicated: boolean;
}

/** The text fields of `POST /api/files` (multipart/form-data, the bytes in the `file` part). */
export interface UploadFileRequest {
  ownerType: string;
  ownerId: string;
  purpose: FilePurpose;
}

/** `GET /api/files?ownerType=&ownerId=&purpose=` */
export interface FileListQuery {
  ownerType: string;
  ownerId: string;
  purpose?: FilePurpose;
}

/** Multipart field that carries the bytes. */
export const FILE_UPLOAD_FIELD = 'file';
