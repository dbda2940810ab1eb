import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../web/src/i18n/glossary';
import { GLOSSARY_IDS, notificationTerm } from '../../web/src/i18n/glossary-ids';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

describe('the glossary', () => {
  it('has one entry per id, ids unique, each with Japanese and English text', () => {
    expect(new Set(GLOSSARY.map((g) => g.id)).size).toBe(GLOSSARY.length);
    expect(GLOSSARY.map((g) => g.id).sort()).toEqual([...GLOSSARY_IDS].sort());
    for (const g of GLOSSARY) {
      for (const part of [g.term, g.body]) {
        expect(part.ja, g.id).toMatch(/\S/);
        expect(part.en, g.id).toMatch(/\S/);
        expect(part.en, g.id).not.toBe(part.ja);
      }
      expect(g.body.ja, `${g.id} ja is Japanese`).toMatch(JAPANESE);
      // The English text is English: apart from the Japanese terms it names, it reads in Latin script.
      expect(g.body.en.replace(/[^A-Za-z]/g, '').length, `${g.id} en`).toBeGreaterThan(g.body.en.length / 3);
    }
  });

  it('names the terms the issue asks for, stating the rules as domain.md does', () => {
    const byId = new Map(GLOSSARY.map((g) => [g.id, g]));
    expect(byId.get('requirements')!.body.ja).toContain('病院だけ');
    expect(byId.get('duty')!.body.en).toContain('2027-04-01');
    expect(byId.get('unknown')!.body.en).toContain('not lacking');
    expect(byId.get('a253')!.term.ja).toContain('協力対象施設入所者入院加算');
  });

  it('links notification symbols of the 名簿 to their entries', () => {
    expect(notificationTerm('支援診２')).toBe('zaishin');
    expect(notificationTerm('支援病１')).toBe('zaishibyo');
    expect(notificationTerm('在後病')).toBe('kouhou');
    expect(notificationTerm('地包ケア３')).toBe('chiiki-care');
    expect(notificationTerm('地包医')).toBeNull();
  });
});
