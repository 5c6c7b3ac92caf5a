import * as assert from 'node:assert/strict';
import { scan } from '../../src/core/scan';
import { checkPassword } from '../../src/core/validators/connectionString';
import { decodeBase64Json } from '../../src/core/validators/base64Json';

// Connection strings: the password is the finding, defaults and slots are not.
const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const span = (text: string): string | undefined => {
  const f = scan(text)[0];
  return f && text.slice(f.start, f.end);
};

function fakeMatch(text: string): RegExpExecArray {
  const m = /.*/.exec(text);
  if (!m) throw new Error('unreachable');
  return m;
}

describe('connection strings', () => {
  it('reports only the password part of a URI', () => {
    assert.equal(span('DATABASE_URL=postgres://app:Zq7vR2kLm9Xt4w@db.internal:5432/app'), 'Zq7vR2kLm9Xt4w');
    assert.equal(span('REDIS_URL=rediss://:Hq3nV8sLp2Wd7k@cache:6380/0'), 'Hq3nV8sLp2Wd7k');
  });

  it('names the system in the finding', () => {
    assert.deepEqual(ids('mongodb+srv://api:Zq7vR2kLm9Xt4w@cluster0.x7kq2.mongodb.net/prod'), ['mongodb-connection-uri']);
    assert.deepEqual(ids('amqps://celery:Zq7vR2kLm9Xt4w@mq:5671/jobs'), ['amqp-connection-uri']);
  });

  it('ignores users without a password, empty passwords, defaults and slots', () => {
    for (const text of [
      'postgres://app@db.internal/app',
      'postgres://app:@db.internal/app',
      'postgres://postgres:postgres@localhost/app',
      'mysql://user:password@localhost/db',
      'amqp://guest:guest@localhost:5672/',
      'postgres://app:${DB_PASSWORD}@db/app',
      'postgres://app:<password>@db/app',
      'mongodb://app:****@db/app',
      'postgres://app:%s@db/app',
    ]) assert.deepEqual(ids(text), [], text);
  });

  it('checkPassword: URL-decodes and compares with the user name', () => {
    assert.equal(checkPassword('Zq%40vR2kLm9', fakeMatch('x://u:Zq%40vR2kLm9@h')), 'valid');
    assert.equal(checkPassword('passw%30rd', fakeMatch('x://u:passw%30rd@h')), 'reject');
    assert.equal(checkPassword('deploy', fakeMatch('x://deploy:deploy@h')), 'reject');
    assert.equal(checkPassword('8080', fakeMatch('x://h:8080@h')), 'reject');
    assert.equal(checkPassword('sunshine', fakeMatch('x://u:sunshine@h')), 'invalid');
  });

  it('ADO.NET and JDBC: the password value only', () => {
    assert.equal(span('"Db": "Server=sql01;Database=erp;User ID=etl;Password=Zq7vR2kLm9Xt4w;"'), 'Zq7vR2kLm9Xt4w');
    assert.equal(span('url=jdbc:sqlserver://sql01:1433;databaseName=erp;password=Zq7vR2kLm9Xt4w;encrypt=true'), 'Zq7vR2kLm9Xt4w');
    assert.equal(span('jdbc:oracle:thin:scott/Zq7vR2kLm9Xt@db:1521/ORCL'), 'Zq7vR2kLm9Xt');
  });
});

describe('base64 JSON validator', () => {
  it('decodes standard and URL-safe base64 objects', () => {
    const std = Buffer.from('{"u":"acme","a":"x?>"}').toString('base64');
    const url = Buffer.from('{"u":"acme","a":"x?>"}').toString('base64url');
    assert.deepEqual(decodeBase64Json(std), { u: 'acme', a: 'x?>' });
    assert.deepEqual(decodeBase64Json(url), { u: 'acme', a: 'x?>' });
  });
  it('returns undefined for non-objects and garbage', () => {
    assert.equal(decodeBase64Json(Buffer.from('[1,2]').toString('base64')), undefined);
    assert.equal(decodeBase64Json('not base64!'), undefined);
    assert.equal(decodeBase64Json(Buffer.from('{"a":').toString('base64')), undefined);
  });
});
