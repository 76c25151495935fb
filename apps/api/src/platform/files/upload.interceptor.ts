import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { FILE_UPLOAD_FIELD } from '@madang/contracts';
import type { Observable } from 'rxjs';
import { DomainError, invalidField } from '../../core/domain-error';
import { repairLatin1 } from './file-names';
import { FilesService, formatBytes, NewFile } from './files.service';

/** The `file` part as multer hands it to `@UploadedFile()`. */
export interface UploadedPart {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

/**
 * A received part as a NewFile for `FilesService.attach` — for a domain's own upload route:
 * `@UseInterceptors(FileUploadInterceptor)` + `@UploadedFile() part: UploadedPart | undefined`.
 */
export function toNewFile(
  part: UploadedPart | undefined,
  owner: Pick<NewFile, 'ownerType' | 'ownerId' | 'purpose'>,
): NewFile {
  if (!part) throw invalidField(FILE_UPLOAD_FIELD, 'required');
  return { ...owner, name: repairLatin1(part.originalname), declaredType: part.mimetype, bytes: part.buffer };
}

/**
 * Multipart parsing for `POST /api/files`: the same multer-based `FileInterceptor` the catalogue's
 * photo upload uses, with part names read as UTF-8 (Korean file names), one file in the `file`
 * field, small text fields, and the largest configured cap as the hard limit while receiving.
 * Its failures become problems that name the field.
 */
@Injectable()
export class FileUploadInterceptor implements NestInterceptor {
  private readonly inner: NestInterceptor;
  private readonly maxBytes: number;

  constructor(files: FilesService) {
    this.maxBytes = files.maxUploadBytes();
    const Multer = FileInterceptor(FILE_UPLOAD_FIELD, {
      defParamCharset: 'utf8',
      limits: { fileSize: this.maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
    });
    this.inner = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.inner.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new DomainError('payload_too_large', { maxBytes: this.maxBytes }, {}, [
          { field: FILE_UPLOAD_FIELD, code: 'too_large', params: { max: formatBytes(this.maxBytes) } },
        ]);
      }
      if (error instanceof BadRequestException && /unexpected/i.test(error.message)) {
        throw invalidField(FILE_UPLOAD_FIELD, 'required');
      }
      throw error;
    }
  }
}
