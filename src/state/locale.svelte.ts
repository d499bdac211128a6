// The interface language: English or Swedish, from the header switch (kept in localStorage) or the browser's
// language. Paraglide's message functions read the locale through getLocale(), which is made to read a rune here,
// so switching re-renders every message in place: no reload, no remount, running jobs go on.
import { getLocale, locales, overwriteGetLocale, setLocale, type Locale } from '../paraglide/runtime';

export type { Locale };
export const LOCALES: readonly Locale[] = locales;

export class LocaleState {
  current = $state<Locale>(getLocale());

  constructor(private readonly root?: { lang: string }) {
    overwriteGetLocale(() => this.current);
    if (this.root) this.root.lang = this.current;
  }

  set(locale: Locale): void {
    // reload: false, or Paraglide would reload the page and kill running jobs; it still stores the choice.
    void setLocale(locale, { reload: false });
    this.current = locale;
    if (this.root) this.root.lang = locale;
  }
}
