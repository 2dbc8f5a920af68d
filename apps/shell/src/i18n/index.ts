import { uiMessages } from '@profmon/ui'
import { createI18n } from 'vue-i18n'
import en from './en.ts'
import ru from './ru.ts'

export type Locale = 'ru' | 'en'
const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('profmon.locale')) as Locale | null

/** Russian by default, English second; plugins add their own messages at runtime. */
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'ru',
  fallbackLocale: 'ru',
  messages: { ru: { ...ru, ...uiMessages.ru }, en: { ...en, ...uiMessages.en } },
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem('profmon.locale', locale)
  document.documentElement.lang = locale
}
