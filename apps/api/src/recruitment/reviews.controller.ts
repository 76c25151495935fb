import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type AssignmentView,
  type ObjectionView,
  type PeerReviewView,
  type RankingView,
  type ReviewAssignmentDetail,
  type ReviewAssignmentSummary,
  type ReviewerView,
} from '@madang/contracts';
import type { Actor } from '../core/actor';
import { CurrentActor, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import {
  AnswerObjectionDto,
  AssignReviewerDto,
  BalancedAssignmentDto,
  DeclareConflictDto,
  SaveReviewSheetDto,
  SetReviewersDto,
} from './dto/applications.dto';
import { ResultsService } from './results.service';
import { ReviewsService } from './reviews.service';

/** Staff: panels, assignments, ranking, objections. */
@ApiTags('recruitment')
@ApiCookieAuth()
@Controller('recruitment')
export class ReviewPanelController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly results: ResultsService,
  ) {}

  @Get('calls/:id/reviewers')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  panel(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<ReviewerView[]> {
    return this.reviews.panel(actor, id);
  }

  @Put('calls/:id/reviewers')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  setPanel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: SetReviewersDto,
  ): Promise<ReviewerView[]> {
    return this.reviews.setPanel(actor, id, dto);
  }

  @Get('calls/:id/assignments')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  assignments(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<AssignmentView[]> {
    return this.reviews.assignments(actor, id);
  }

  @Post('calls/:id/assignments')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: AssignReviewerDto,
  ): Promise<AssignmentView> {
    return this.reviews.assign(actor, id, dto);
  }

  @Post('calls/:id/assignments/balanced')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  balanced(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: BalancedAssignmentDto,
  ): Promise<AssignmentView[]> {
    return this.reviews.assignBalanced(actor, id, dto);
  }

  @Delete('assignments/:id')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  unassign(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<void> {
    return this.reviews.unassign(actor, id);
  }

  @Get('calls/:id/ranking')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  ranking(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<RankingView> {
    return this.results.ranking(actor, id);
  }

  @Get('calls/:id/objections')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  objections(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<ObjectionView[]> {
    return this.results.objections(actor, id);
  }

  @Post('objections/:id/answer')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: AnswerObjectionDto,
  ): Promise<ObjectionView> {
    return this.results.answerObjection(actor, id, dto);
  }
}

/** A reviewer's own assignments: declare, read (blind where the call is), score, submit, then compare. */
@ApiTags('recruitment')
@ApiCookieAuth()
@Controller('recruitment/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.RECRUITMENT_REVIEW)
  mine(@CurrentActor() actor: Actor): Promise<ReviewAssignmentSummary[]> {
    return this.reviews.mine(actor);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.RECRUITMENT_REVIEW)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<ReviewAssignmentDetail> {
    return this.reviews.detail(actor, id);
  }

  @Post(':id/declaration')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.RECRUITMENT_REVIEW)
  declare(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: DeclareConflictDto,
  ): Promise<ReviewAssignmentDetail> {
    return this.reviews.declare(actor, id, dto);
  }

  @Put(':id/sheet')
  @RequirePermission(PERMISSIONS.RECRUITMENT_REVIEW)
  sheet(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: SaveReviewSheetDto,
  ): Promise<ReviewAssignmentDetail> {
    return this.reviews.saveSheet(actor, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.RECRUITMENT_REVIEW)
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<ReviewAssignmentDetail> {
    return this.reviews.submit(actor, id);
  }

  @Get(':id/peers')
  @RequirePermission(PERMISSIONS.RECRUITMENT_REVIEW)
  peers(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<PeerReviewView[]> {
    return this.reviews.peers(actor, id);
  }
}
