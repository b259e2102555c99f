import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED, loggerOptions } from './logger-options';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logger options', () => {
  it('redacts names, ID numbers, bodies and credentials wherever they appear', () => {
    const { lines, stream } = capture();
    const logger = pino(loggerOptions('info'), stream);
    logger.info(
      {
        name: '王芳',
        idNumber: '52040219860101002X',
        household: { members: [{ name: '李强', idNumber: '520402198001010011', birthYear: 1980 }] },
        members: [{ name: '张伟', idNumber: '520402199001010011' }],
        command: { worker: { name: '赵敏' } },
        req: { headers: { authorization: 'Bearer secret-token' }, body: { anything: 'at all' } },
      },
      'household registered',
    );
    const line = lines.join('');
    for (const secret of ['王芳', '李强', '张伟', '赵敏', '002X', '0011', 'secret-token', 'at all']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain(REDACTED);
    expect(JSON.parse(line).household.members[0].birthYear).toBe(1980);
  });
});
