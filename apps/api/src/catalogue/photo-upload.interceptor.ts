import { Injectable } from '@nestjs/common';
import { FilesService } from '../platform/files/files.service';
import { SingleFileInterceptor } from '../platform/files/upload.interceptor';
import { ASSET_PHOTO } from './asset-files.policy';
import { PHOTO_FIELD } from './photos.service';

/** Multipart parsing for `POST /api/assets/:id/photos`: one image in `photo`, `FILE_MAX_BYTES_PHOTO`. */
@Injectable()
export class PhotoUploadInterceptor extends SingleFileInterceptor {
  constructor(files: FilesService) {
    super(PHOTO_FIELD, files.maxBytes(ASSET_PHOTO));
  }
}
