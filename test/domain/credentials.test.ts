import { looksLikeCredential } from '../../bot/domain/credentials';

describe('credential-like text', () => {
  it.each([
    'Lösenord: Sommar2026!',
    'användare fritid_botkyrka, lösenord=hemligt',
    'password: hunter2',
    'Inloggning: fritid@botkyrka.se / Xk9#mP2q',
    'PIN: 4711',
    // Without a colon, in other words and languages (issue "Every rule" R10).
    'Användarnamn botkyrkabibliotek, lösenord Sommar2026!',
    'lösenordet är Fritid2026',
    'lösen kultur123',
    'pwd: abc',
    'pass Vinter#24',
    'The password is hunter22',
    'kod 4711',
    'Lösenordet till kontot är Sommar2026',
    'Lösenordet för Instagram är Fritid2026!',
    'Lösenordet är: Fritid2026',
    'Lösenord – Sommar2026!',
    'The password for the account is hunter22',
  ])('R10: refuses %p as a place for login details', (text) => {
    expect(looksLikeCredential(text)).toBe(true);
  });

  it.each([
    'I kommunens lösenordshanterare, samlingen "Sociala medier – fritid"',
    'Keepass-filen på G:\\Kommunikation\\Konton2026\\fritid.kdbx',
    'Bitwarden, delad mapp Kultur och fritid (se https://intranat.botkyrka.se/konton-2026)',
    'Hos förvaltningskommunikatören, i låst skåp 3B på plan 2.',
    'Lösenordet finns i kommunens lösenordshanterare.',
    'Lösenord och användarnamn förvaras hos kommunikatören.',
    'Password manager: the municipality\'s Bitwarden',
    'Koden finns i skåpet hos enhetschefen.',
    // Places a review found refused: a password manager, its folder, a file or an address (issue "Every rule" R10).
    'Lösenordshanterare: Bitwarden, mapp Kultur2026',
    'Lösenordshanteraren (Bitwarden), samling Kultur',
    'Lösenordshanteraren ”Bitwarden”',
    'Lösenordshanteraren KeePass, samling Fritid',
    'Lösenordshanteraren 1Password, valvet Kultur',
    'I lösenordshanteraren KeePassXC',
    'Lösenordsfilen G:\\Kommunikation\\Konton2026\\fritid.kdbx',
    'Lösenordshanteraren https://vault.botkyrka.se',
    'Lösenord/användarnamn: Bitwarden',
    'Lösenordet finns i mappen Kultur2026 i Bitwarden',
  ])('R10: accepts %p as a place', (text) => {
    expect(looksLikeCredential(text)).toBe(false);
  });
});
