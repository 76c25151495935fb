import { Body, Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MeResponse, PERMISSIONS, SESSION_COOKIE, SessionResponse } from '@madang/contracts';
import type { CookieOptions, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { can, type Actor, type RequestMeta } from '../core/actor';
import { CurrentActor, Meta, OptionalActor, Public, RequirePermission } from '../core/decorators';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, RegisterDto, UpdateProfileDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  private cookie(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.COOKIE_SECURE,
      path: '/',
      maxAge: this.config.SESSION_ABSOLUTE_HOURS * 3_600_000,
    };
  }

  @Get('csrf')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sets the XSRF-TOKEN cookie; echo it as X-XSRF-TOKEN on every unsafe request' })
  csrf(): void {
    // The request-meta middleware sets the cookie when the client has none.
  }

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Create a resident account and sign in' })
  async register(
    @Meta() meta: RequestMeta,
    @Body() dto: RegisterDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeResponse> {
    const { token, me } = await this.auth.register(meta, dto);
    res.cookie(SESSION_COOKIE, token, this.cookie());
    return me;
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in (throttled per account and address)' })
  async login(
    @Meta() meta: RequestMeta,
    @OptionalActor() actor: Actor | undefined,
    @Body() dto: LoginDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeResponse> {
    const { token, me } = await this.auth.login(meta, dto, actor?.sessionId);
    res.cookie(SESSION_COOKIE, token, this.cookie());
    return me;
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out (revokes the session)' })
  async logout(
    @OptionalActor() actor: Actor | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(actor, meta);
    const { maxAge: _maxAge, ...options } = this.cookie();
    res.clearCookie(SESSION_COOKIE, options);
  }

  @Get('session')
  @Public()
  @ApiOperation({
    summary: "This browser's session: the signed-in user, or null (200 either way, unlike GET /auth/me)",
  })
  async session(@OptionalActor() actor: Actor | undefined): Promise<SessionResponse> {
    return { user: actor && can(actor, PERMISSIONS.SELF) ? await this.auth.me(actor) : null };
  }

  @Get('me')
  @RequirePermission(PERMISSIONS.SELF)
  @ApiCookieAuth()
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.auth.me(actor);
  }

  @Patch('me')
  @RequirePermission(PERMISSIONS.SELF)
  @ApiCookieAuth()
  updateProfile(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto): Promise<MeResponse> {
    return this.auth.updateProfile(actor, dto);
  }

  @Post('password')
  @RequirePermission(PERMISSIONS.SELF)
  @HttpCode(204)
  @ApiCookieAuth()
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto);
  }
}
