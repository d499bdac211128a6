// A failed check's reason in the learner's language: what is still wrong, with the details the check found.
import type { CheckReason } from '../../core/lessons/checks';
import { findAnalysis } from '../../core/analyses/registry';
import { m } from '../../paraglide/messages';

const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);

export function reasonText(reason: CheckReason): string {
  switch (reason.code) {
    case 'no-run':
      return m.reason_no_run();
    case 'wrong-program':
      return m.reason_wrong_program({ actual: reason.actual, expected: reason.expected });
    case 'wrong-subcommand':
      return m.reason_wrong_subcommand({ expected: reason.expected, actual: reason.actual });
    case 'missing-option':
      return m.reason_missing_option({ option: reason.option });
    case 'wrong-option-value':
      return m.reason_wrong_option_value({ option: reason.option, expected: reason.expected, actual: reason.actual });
    case 'missing-argument':
      return m.reason_missing_argument({ argument: reason.argument });
    case 'run-failed':
      return m.reason_run_failed({ exitStatus: String(reason.exitStatus) });
    case 'output-differs':
      return m.reason_output_differs({
        line: String(reason.line),
        expected: clip(reason.expected),
        actual: clip(reason.actual),
      });
    case 'file-differs':
      return m.reason_file_differs({
        path: reason.path,
        line: String(reason.line),
        expected: clip(reason.expected),
        actual: clip(reason.actual),
      });
    case 'file-missing':
      return m.reason_file_missing({ path: reason.path });
    case 'tool-failed':
      return m.reason_tool_failed({ command: reason.command, stderr: clip(reason.stderr.trim()) });
    case 'no-answer':
      return m.reason_no_answer();
    case 'not-a-number':
      return m.reason_not_a_number();
    case 'wrong-number':
      return m.reason_wrong_number();
    case 'unknown-choice':
      return m.reason_unknown_choice();
    case 'wrong-choice':
      return m.reason_wrong_choice();
    case 'index-missing':
      return m.reason_index_missing({ target: reason.target });
    case 'analysis-missing':
      // The analysis as the Analyses panel names it, not its id.
      return m.reason_analysis_missing({ analysis: findAnalysis(reason.analysis)?.title ?? reason.analysis });
    case 'not-sorted':
      return m.reason_not_sorted({ target: reason.target, order: reason.order });
  }
}
