import { uiMessages } from '@profmon/ui'
import { createI18n } from 'vue-i18n'
import en from './en.ts'
import ru from './ru.ts'

export type Locale = 'ru' | 'en'
const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('profmon.locale')) as Locale | null

const russianPlural = new Intl.PluralRules('ru')

/**
 * Russian messages with plural forms list three, `one | few | many` («1 год | 2 года | 5 лет»);
 * `Intl.PluralRules` picks the form, fractions taking the `few` one as Russian does («1,5 года»).
 */
export function russianPluralIndex(choice: number, choicesLength: number): number {
  if (choicesLength < 3) return Math.abs(choice) === 1 ? 0 : Math.min(1, choicesLength - 1)
  const form = russianPlural.select(Math.abs(choice))
  return form === 'one' ? 0 : form === 'few' || form === 'other' ? 1 : 2
}

/** Russian by default, English second; plugins add their own messages at runtime. */
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'ru',
  fallbackLocale: 'ru',
  pluralRules: { ru: russianPluralIndex },
  messages: { ru: { ...ru, ...uiMessages.ru }, en: { ...en, ...uiMessages.en } },
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem('profmon.locale', locale)
  document.documentElement.lang = locale
}
