// The rules no schema can express: ids that must exist elsewhere, be unique, or match a file name.
import { basename } from 'node:path';
import type { Problem } from '../problems.js';
import type { SourceFile } from './load.js';
import { lineOf, nodeAt, positionOf, type Segment } from './locate.js';
import type { DepartmentFile, ProgrammeFile, ReportFile } from './schema-types.js';
import { didYouMean } from './suggest.js';

function at(source: SourceFile, segments: Segment[], rule: string, message: string, hint?: string): Problem {
  const { line, column, length } = positionOf(source, nodeAt(source, segments));
  return { file: source.path, line, column, length, severity: 'error', rule, message, ...(hint ? { hint } : {}) };
}

/** Reports the second and later uses of each id in `items`. */
function duplicates(source: SourceFile, items: readonly { id: string }[], base: Segment[], what: string): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) {
      first.set(item.id, index);
      return;
    }
    const line = lineOf(source, [...base, earlier, 'id']);
    problems.push(at(source, [...base, index, 'id'], 'duplicate-id',
      `${what} id "${item.id}" is already used on line ${line}`, 'ids must be unique: give this one its own id'));
  });
  return problems;
}

export interface ProgrammeIds {
  themes: string[];
  outcomes: string[];
}

export function checkProgramme(source: SourceFile, programme: ProgrammeFile): Problem[] {
  return [
    ...duplicates(source, programme.themes, ['themes'], 'theme'),
    ...duplicates(source, programme.outcomes ?? [], ['outcomes'], 'outcome'),
  ];
}

function unknownId(source: SourceFile, segments: Segment[], kind: 'theme' | 'outcome', value: string, known: readonly string[]): Problem {
  const hint = didYouMean(value, known) ?? (known.length ? `${kind}s in programme.yaml: ${known.join(', ')}` : undefined);
  return at(source, segments, `unknown-${kind}`, `${kind} "${value}" is not one of the ${kind}s in programme.yaml`, hint);
}

export function checkDepartment(source: SourceFile, department: DepartmentFile, ids: ProgrammeIds | undefined): Problem[] {
  const problems: Problem[] = [];
  const expected = basename(source.path).replace(/\.yaml$/, '');
  if (department.id !== expected) {
    problems.push(at(source, ['id'], 'id-matches-file', `id "${department.id}" does not match the file name ${basename(source.path)}`,
      `write id: ${expected}, or rename the file to ${department.id}.yaml`));
  }
  problems.push(...duplicates(source, department.pledges, ['pledges'], 'pledge'));
  department.pledges.forEach((pledge, i) => {
    problems.push(...duplicates(source, pledge.metrics ?? [], ['pledges', i, 'metrics'], 'metric'));
    if (!ids) return;
    if (!ids.themes.includes(pledge.theme)) {
      problems.push(unknownId(source, ['pledges', i, 'theme'], 'theme', pledge.theme, ids.themes));
    }
    (pledge.outcomes ?? []).forEach((outcome, j) => {
      if (!ids.outcomes.includes(outcome)) {
        problems.push(unknownId(source, ['pledges', i, 'outcomes', j], 'outcome', outcome, ids.outcomes));
      }
    });
    if (pledge.progress !== undefined && pledge.progress.trim() === '' && pledge.status !== 'pledged') {
      problems.push({ ...at(source, ['pledges', i, 'progress'], 'empty-progress',
        `progress of pledge "${pledge.id}" is still empty`, 'write what happened this year, or remove the key'), severity: 'warning' });
    }
  });
  return problems;
}

export function checkReport(source: SourceFile, report: ReportFile, ids: ProgrammeIds | undefined): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  (report.sections ?? []).forEach((section, i) => {
    if (ids && !ids.themes.includes(section.theme)) {
      problems.push(unknownId(source, ['sections', i, 'theme'], 'theme', section.theme, ids.themes));
    }
    const earlier = seen.get(section.theme);
    if (earlier !== undefined) {
      problems.push(at(source, ['sections', i, 'theme'], 'duplicate-section',
        `theme "${section.theme}" already has a section on line ${lineOf(source, ['sections', earlier, 'theme'])}`,
        'merge the two sections into one'));
    } else {
      seen.set(section.theme, i);
    }
  });
  return problems;
}
