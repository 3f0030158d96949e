import { describe, it, expect } from 'vitest';
import { detectLanguage } from '../../src/clean/language.js';

describe('detectLanguage', () => {
  it.each([
    ['en', 'The harbour board said on Monday that the lease talks with the city had been suspended for a month, and that it would not sign anything before the audit of the port accounts was finished. The chairwoman told reporters the decision was final.'],
    ['de', 'Der Hafenrat hat am Montag mitgeteilt, dass die Gespräche über den Pachtvertrag mit der Stadt für einen Monat ausgesetzt werden. Die Vorsitzende sagte den Reportern, die Entscheidung sei endgültig und es werde keine Unterschrift geben.'],
    ['fr', "Le conseil du port a annoncé lundi que les négociations sur le bail avec la ville étaient suspendues pour un mois. La présidente a déclaré aux journalistes que la décision était définitive et qu'aucune signature n'interviendrait avant l'audit."],
    ['es', 'La junta del puerto dijo el lunes que las conversaciones sobre el arrendamiento con la ciudad quedaban suspendidas durante un mes. La presidenta dijo a los periodistas que la decisión era definitiva y que no se firmaría nada antes de la auditoría.'],
    ['ru', 'Совет порта в понедельник заявил, что переговоры об аренде с городом приостановлены на месяц. Председатель сказала журналистам, что решение окончательное и ничего не будет подписано до завершения проверки счетов порта.'],
  ])('%s', (code, text) => {
    expect(detectLanguage(text)).toBe(code);
  });

  it('is null for a text too short to tell', () => {
    expect(detectLanguage('Talks resume.')).toBeNull();
  });
});
