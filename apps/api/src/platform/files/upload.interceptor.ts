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
 * Multipart parsing of one uploaded file: the multer-based `FileInterceptor` with part names read
 * as UTF-8 (Korean file names), one file in `field`, small text fields, and `maxBytes` as the hard
 * limit while receiving. Its failures become problems that name the field. Extend it for a
 * domain route whose multipart field is not `file` (e.g. the catalogue's `photo`).
 */
export abstract class SingleFileInterceptor implements NestInterceptor {
  private readonly inner: NestInterceptor;

  protected constructor(
    private readonly field: string,
    private readonly maxBytes: number,
  ) {
    const Multer = FileInterceptor(field, {
      defParamCharset: 'utf8',
      limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
    });
    this.inner = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.inner.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new DomainError('payload_too_large', { maxBytes: this.maxBytes }, {}, [
          { field: this.field, code: 'too_large', params: { max: formatBytes(this.maxBytes) } },
        ]);
      }
      if (error instanceof BadRequestException && /unexpected/i.test(error.message)) {
        throw invalidField(this.field, 'required');
      }
      throw error;
    }
  }
}

/** Multipart parsing for `POST /api/files`: the bytes in `file`, the largest configured cap. */
@Injectable()
export class FileUploadInterceptor extends SingleFileInterceptor {
  constructor(files: FilesService) {
    super(FILE_UPLOAD_FIELD, files.maxUploadBytes());
  }
}
