import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ProjectionRegistry, UnknownProjection } from '../projection-jobs';
import { Roles } from '@app/security/authorization/access.decorator';

@ApiTags('projections')
@Roles('operator')
@Controller('v1/projections')
export class ProjectionsController {
  constructor(private readonly registry: ProjectionRegistry) {}

  @Get()
  @ApiOperation({
    summary: 'Each projection: position, lag and state',
    description:
      'state is stopped, catching-up, live, rebuilding, waiting-for-rebuild (another process is rebuilding the read ' +
      'model: nothing is applied here until it finishes) or failed (error says why).',
  })
  async list() {
    return { projections: await Promise.all(this.registry.all().map((runner) => runner.status())) };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild a projection from position 1; answers a job to follow' })
  @ApiAcceptedResponse({ description: '{ jobId, projection, state }' })
  @ApiResponse({ status: 404, description: 'No such projection' })
  rebuild(@Param('name') name: string) {
    try {
      const job = this.registry.startRebuild(name);
      return { jobId: job.id, projection: job.projection, state: job.state, status: `/v1/projections/jobs/${job.id}` };
    } catch (error) {
      if (error instanceof UnknownProjection) throw new NotFoundException(error.message);
      throw error;
    }
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: 'Progress of a rebuild job' })
  @ApiResponse({ status: 404, description: 'No such job' })
  job(@Param('id') id: string) {
    const job = this.registry.job(id);
    if (!job) throw new NotFoundException(`Rebuild job ${id} was not found`);
    return job;
  }
}
