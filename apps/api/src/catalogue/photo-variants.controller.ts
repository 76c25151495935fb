import { Controller, Get, Injectable, Param, type PipeTransform, Res } from '@nestjs/common';
import { ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { OG_IMAGE_SIZE, PHOTO_VARIANT_FORMATS, PHOTO_VARIANT_WIDTHS } from '@madang/contracts';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import type { Actor } from '../core/actor';
import { OptionalActor, Public } from '../core/decorators';
import { invalidField } from '../core/domain-error';
import { uuidPipe } from '../core/params';
import { sendFile } from '../platform/files/send-file';
import { parsePhotoVariant, variantFileName, type PhotoVariantSpec } from './photo-encoder';
import { type PhotoVariant, PhotoVariantsService } from './photo-variants.service';

const VARIANT_NAMES = PHOTO_VARIANT_WIDTHS.flatMap((w) => PHOTO_VARIANT_FORMATS.map((f) => `${w}.${f}`));

/** `640.webp` → the variant; anything else is a 400 naming `variant` and listing the ones there are. */
@Injectable()
export class PhotoVariantPipe implements PipeTransform<string, PhotoVariantSpec> {
  transform(value: string): PhotoVariantSpec {
    const spec = parsePhotoVariant(value);
    if (!spec) throw invalidField('variant', 'not_in', { values: VARIANT_NAMES.join(', ') });
    return spec;
  }
}

function send(res: Response, spec: PhotoVariantSpec, variant: PhotoVariant): Promise<void> {
  return sendFile(res, {
    name: variantFileName(spec),
    mediaType: variant.mediaType,
    size: variant.bytes.length,
    stream: Readable.from([variant.bytes]),
    disposition: 'inline',
    cache: variant.shared ? 'public' : 'private',
  });
}

/** Asset photos in modern formats and sizes, and the Open Graph image of an asset. */
@ApiTags('catalogue')
@Controller()
export class PhotoVariantsController {
  constructor(private readonly variants: PhotoVariantsService) {}

  @Get('assets/:id/photos/:photoId/:variant')
  @Public()
  @ApiParam({ name: 'variant', enum: VARIANT_NAMES })
  @ApiProduces('image/avif', 'image/webp')
  async photoVariant(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', uuidPipe('id')) id: string,
    @Param('photoId', uuidPipe('photoId')) photoId: string,
    @Param('variant', PhotoVariantPipe) spec: PhotoVariantSpec,
    @Res() res: Response,
  ): Promise<void> {
    await send(res, spec, await this.variants.variant(actor, id, photoId, spec));
  }

  @Get('assets/:id/og.jpg')
  @Public()
  @ApiProduces('image/jpeg')
  async openGraphImage(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', uuidPipe('id')) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const variant = await this.variants.openGraphImage(actor, id);
    await send(res, { kind: 'og', width: OG_IMAGE_SIZE.width }, variant);
  }
}
