/**
 * The languages the per-document stages read (their lexicons are English): a document in
 * another is stored and listed, not analysed. Apart from clean/language.ts so that the stages
 * can ask without loading the language detector.
 */
export const ANALYSED_LANGUAGES: readonly string[] = ['en'];

/** Whether a document in this language is analysed (an unknown language is tried). */
export const isAnalysedLanguage = (language: string | null): boolean => language === null || ANALYSED_LANGUAGES.includes(language);
