import type { Validation } from '../types';

// Passwords in connection strings are only worth a finding when they are not a well-known
// default or a slot: `postgres:postgres@localhost` or `user:password@host` in a README is noise.
const DEFAULTS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'admin', 'root', 'user', 'username', 'guest', 'test', 'demo',
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'rabbitmq', 'sa', 'oracle',
  'foo', 'bar', 'foobar', 'pa55word', 'p@ssw0rd', 'p@ssword', 'passw0rd', 'letmein', 'qwerty',
  'mypassword', 'mypass', 'dbpass', 'dbpassword', 'db_password', 'db_pass', 'yourpassword', 'your_password',
  'pw', 'xxx', 'none', 'null', 'empty', 'default', 'local', 'dev', 'development',
]);

/** Validator for the password part of a URI or connection string. */
export function checkPassword(password: string, match: RegExpExecArray): Validation {
  let pw = password;
  try {
    pw = decodeURIComponent(password);
  } catch {
    // Not percent-encoded: keep as is.
  }
  const lower = pw.toLowerCase();
  if (DEFAULTS.has(lower)) return 'reject';
  // Environment and template references that the placeholder filter does not catch.
  if (/^[$%]|^\{|\}$|^\*+$|^\.+$|^<|>$/.test(pw)) return 'reject';
  // `guest:guest@`, `app:app@`: the password is the user name.
  const user = /\/\/([^:/@\s]+):/.exec(match[0]);
  if (user && user[1].toLowerCase() === lower) return 'reject';
  // Numeric-only short values are ports or indices mistaken for passwords (`host:8080@`).
  if (/^\d{1,6}$/.test(pw) || pw.length < 4) return 'reject';
  // A short dictionary-looking word is more often a demo value than an issued password.
  if (/^[a-z]{1,9}$/i.test(pw)) return 'invalid';
  return 'valid';
}
