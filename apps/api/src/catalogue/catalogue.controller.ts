import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, type AssetDetail, type AssetSummary, type CategoryDto } from '@madang/contracts';
import type { Response } from 'express';
import type { Actor } from '../core/actor';
import { CurrentActor, OptionalActor, Public, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import { CatalogueService } from './catalogue.service';
import {
  AssetQueryDto,
  CreateAssetDto,
  CreateCategoryDto,
  RulesDto,
  UpdateAssetDto,
  UpdateCategoryDto,
} from './dto/catalogue.dto';
import { sendFile } from '../platform/files/send-file';
import type { UploadedPart } from '../platform/files/upload.interceptor';
import { PhotoUploadInterceptor } from './photo-upload.interceptor';
import { PHOTO_FIELD, PhotosService } from './photos.service';

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly photos: PhotosService,
  ) {}

  @Get('categories')
  @Public()
  categories(): Promise<CategoryDto[]> {
    return this.catalogue.categories();
  }

  @Post('categories')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiCookieAuth()
  createCategory(@CurrentActor() actor: Actor, @Body() dto: CreateCategoryDto): Promise<CategoryDto> {
    return this.catalogue.createCategory(actor, dto);
  }

  @Patch('categories/:id')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiCookieAuth()
  updateCategory(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: UpdateCategoryDto,
  ): Promise<CategoryDto> {
    return this.catalogue.updateCategory(actor, id, dto);
  }

  @Put('categories/:id/rules')
  @RequirePermission(PERMISSIONS.RULES_MANAGE)
  @ApiCookieAuth()
  setCategoryRules(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: RulesDto,
  ): Promise<CategoryDto> {
    return this.catalogue.setCategoryRules(actor, id, dto.rules);
  }

  @Get('assets')
  @Public()
  assets(@OptionalActor() actor: Actor | undefined, @Query() query: AssetQueryDto): Promise<AssetSummary[]> {
    return this.catalogue.listAssets(actor, query);
  }

  @Get('assets/:id')
  @Public()
  asset(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<AssetDetail> {
    return this.catalogue.getAsset(actor, id);
  }

  @Post('assets')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiCookieAuth()
  createAsset(@CurrentActor() actor: Actor, @Body() dto: CreateAssetDto): Promise<AssetDetail> {
    return this.catalogue.createAsset(actor, dto);
  }

  @Patch('assets/:id')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiCookieAuth()
  updateAsset(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: UpdateAssetDto,
  ): Promise<AssetDetail> {
    return this.catalogue.updateAsset(actor, id, dto);
  }

  @Put('assets/:id/rules')
  @RequirePermission(PERMISSIONS.RULES_MANAGE)
  @ApiCookieAuth()
  setAssetRules(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: RulesDto,
  ): Promise<AssetDetail> {
    return this.catalogue.setAssetRules(actor, id, dto.rules);
  }

  @Post('assets/:id/photos')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiCookieAuth()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { [PHOTO_FIELD]: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(PhotoUploadInterceptor)
  addPhoto(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @UploadedFile() part: UploadedPart | undefined,
  ): Promise<AssetDetail> {
    return this.photos.add(actor, id, part);
  }

  @Get('assets/:id/photos/:photoId')
  @Public()
  async photo(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', uuidPipe('id')) id: string,
    @Param('photoId', uuidPipe('photoId')) photoId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { info, stream, shared } = await this.photos.open(actor, id, photoId);
    await sendFile(res, {
      name: info.name,
      mediaType: info.mediaType,
      size: info.size,
      stream,
      disposition: 'inline',
      cache: shared ? 'public' : 'private',
    });
  }

  @Delete('assets/:id/photos/:photoId')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @HttpCode(200)
  @ApiCookieAuth()
  deletePhoto(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Param('photoId', uuidPipe('photoId')) photoId: string,
  ): Promise<AssetDetail> {
    return this.photos.remove(actor, id, photoId);
  }
}
