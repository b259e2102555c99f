import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

/**
 * The command bus, once for the whole platform (CqrsModule.forRoot is global); capability modules import
 * this module so they do not depend on the order in which they are listed.
 */
@Module({ imports: [CqrsModule.forRoot()] })
export class CommandHandlingModule {}
