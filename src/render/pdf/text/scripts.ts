// Writing systems beyond the shipped fonts: the language fontconfig is asked for (so that it picks
// the font a browser would, Noto Sans Arabic rather than DejaVu's few Arabic letters), and the
// Debian package whose fonts add the script, named when no installed font has a character.
import { existsSync } from 'node:fs';

interface Script {
  /** Characters of the script. */
  test: RegExp;
  /** A language written in it, for fontconfig's `lang` (fonts are chosen by language as well as character). */
  lang: string | undefined;
  /** The Debian package with a font for it. */
  package: string;
}

const NOTO_CORE = 'fonts-noto-core';
const NOTO_CJK = 'fonts-noto-cjk';

const SCRIPTS: readonly Script[] = [
  { test: /\p{Script=Arabic}/u, lang: 'ar', package: NOTO_CORE },
  { test: /\p{Script=Hebrew}/u, lang: 'he', package: NOTO_CORE },
  { test: /\p{Script=Devanagari}/u, lang: 'hi', package: NOTO_CORE },
  { test: /\p{Script=Bengali}/u, lang: 'bn', package: NOTO_CORE },
  { test: /\p{Script=Gurmukhi}/u, lang: 'pa', package: NOTO_CORE },
  { test: /\p{Script=Gujarati}/u, lang: 'gu', package: NOTO_CORE },
  { test: /\p{Script=Tamil}/u, lang: 'ta', package: NOTO_CORE },
  { test: /\p{Script=Telugu}/u, lang: 'te', package: NOTO_CORE },
  { test: /\p{Script=Kannada}/u, lang: 'kn', package: NOTO_CORE },
  { test: /\p{Script=Malayalam}/u, lang: 'ml', package: NOTO_CORE },
  { test: /\p{Script=Sinhala}/u, lang: 'si', package: NOTO_CORE },
  { test: /\p{Script=Thai}/u, lang: 'th', package: NOTO_CORE },
  { test: /\p{Script=Lao}/u, lang: 'lo', package: NOTO_CORE },
  { test: /\p{Script=Khmer}/u, lang: 'km', package: NOTO_CORE },
  { test: /\p{Script=Myanmar}/u, lang: 'my', package: NOTO_CORE },
  { test: /\p{Script=Ethiopic}/u, lang: 'am', package: NOTO_CORE },
  { test: /\p{Script=Georgian}/u, lang: 'ka', package: NOTO_CORE },
  { test: /\p{Script=Armenian}/u, lang: 'hy', package: NOTO_CORE },
  { test: /\p{Script=Tibetan}/u, lang: 'bo', package: NOTO_CORE },
  { test: /\p{Script=Syriac}/u, lang: 'syr', package: NOTO_CORE },
  { test: /\p{Script=Thaana}/u, lang: 'dv', package: NOTO_CORE },
  { test: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, lang: 'ja', package: NOTO_CJK },
  { test: /\p{Script=Hangul}/u, lang: 'ko', package: NOTO_CJK },
  { test: /\p{Script=Bopomofo}/u, lang: 'zh-tw', package: NOTO_CJK },
  { test: /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u, lang: 'zh-cn', package: NOTO_CJK },
  // Emoji and pictographs, in black and white: a PDF font cannot be a colour bitmap font.
  { test: /\p{Extended_Pictographic}/u, lang: undefined, package: 'fonts-symbola' },
];

function scriptOf(char: string): Script | undefined {
  return SCRIPTS.find((script) => script.test.test(char));
}

/** The language fontconfig is asked to suit when choosing a font for `char`. */
export function languageOf(char: string): string | undefined {
  return scriptOf(char)?.lang;
}

/** Whether a Debian package is installed: its documentation folder is there, as dpkg leaves it. */
const installed = (name: string) => existsSync(`/usr/share/doc/${name}`);

/**
 * The Debian package that would add a font for `char`, when one is known for its script and is not
 * installed already (an installed one lacking the character could not help).
 */
export function packageFor(char: string, isInstalled: (name: string) => boolean = installed): string | undefined {
  const name = scriptOf(char)?.package;
  return name && !isInstalled(name) ? name : undefined;
}
