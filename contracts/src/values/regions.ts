import { z } from 'zod';
import {
  isGuizhouCountyCode,
  isGuizhouPrefectureCode,
  GUIZHOU_PROVINCE_CODE,
} from '../regions/guizhou-divisions';

/** Any GB/T 2260 code shape (six digits); existence is checked only for Guizhou codes. */
export const regionCode = z.string().regex(/^[1-8]\d{5}$/, 'A region code is six digits (GB/T 2260)');

export const guizhouCountyCode = z
  .string()
  .regex(/^52\d{4}$/, 'A Guizhou county code is six digits starting with 52')
  .refine(isGuizhouCountyCode, { error: 'Not a county-level division of Guizhou (GB/T 2260)' })
  .meta({ description: 'An existing county-level division of Guizhou (GB/T 2260)', example: '520402' });

export const guizhouPrefectureCode = z
  .string()
  .refine(isGuizhouPrefectureCode, { error: 'Not a prefecture-level division of Guizhou (GB/T 2260)' })
  .meta({ description: 'A prefecture-level division of Guizhou (GB/T 2260)', example: '520400' });

/** The province, one of its prefectures, or one of its counties: who manages a labour station. */
export const guizhouRegionCode = z
  .string()
  .refine(
    (code) => code === GUIZHOU_PROVINCE_CODE || isGuizhouPrefectureCode(code) || isGuizhouCountyCode(code),
    {
      error: 'Not Guizhou (520000), one of its prefectures or one of its counties',
    },
  );
