/**
 * Loads the data lists of contract §5.3: the shipped common-password list (replaced by
 * COMMON_PASSWORDS_FILE) and disposable-mail domains (extended by DISPOSABLE_DOMAINS_FILE).
 */
import fs from 'node:fs/promises';
import { commonPasswordSet } from '../../domain/identity/password-policy.js';
import { disposableDomainSet } from '../../domain/identity/email.js';
import type { IdentityLists } from '../../domain/identity/registration.js';
import { parseWordList } from '../../domain/shared/word-list.js';

// Same depth from src/ and dist/, so the shipped lists resolve in both.
const SHIPPED = new URL('../../../data/', import.meta.url);

export async function loadIdentityLists(options: { commonPasswordsFile?: string; disposableDomainsFile?: string } = {}): Promise<IdentityLists> {
  const passwords = await readList(options.commonPasswordsFile ?? new URL('common-passwords.txt', SHIPPED), 'COMMON_PASSWORDS_FILE');
  const domains = await readList(new URL('disposable-domains.txt', SHIPPED), 'shipped disposable domains');
  const extraDomains = options.disposableDomainsFile ? await readList(options.disposableDomainsFile, 'DISPOSABLE_DOMAINS_FILE') : [];
  return {
    commonPasswords: commonPasswordSet(passwords),
    disposableDomains: disposableDomainSet([...domains, ...extraDomains]),
  };
}

async function readList(file: string | URL, what: string): Promise<string[]> {
  try {
    return parseWordList(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${what} (${String(file)})`, { cause: err });
  }
}
