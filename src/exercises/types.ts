// Types of the exercises stage: `# @predict` questions as written, and as checked against a trace.

/** A `# @predict` comment as the author wrote it, before the trace is known. */
export interface Prediction {
  kind: 'pointer' | 'output' | 'freed';
  /** 1-based line of the shown code the question is about. */
  line: number;
  /** For pointer questions, the name whose target the reader predicts. */
  name?: string;
  /** The author's wording after the colon, if any. */
  wording?: string;
}

interface ExerciseBase {
  /** 1-based line of the shown code. */
  line: number;
  /** The question as shown to readers. */
  question: string;
  /** 1-based step just before the line runs (the diagram "Try it" moves to). */
  before: number;
  /** 1-based step just after the line has run in the same frame. */
  after: number;
  /** One sentence of why, made from the trace. */
  explanation: string;
}

export interface PointerExercise extends ExerciseBase {
  kind: 'pointer';
  name: string;
  /** Id of the frame the line runs in. */
  frame: string;
  /** Trace id of the object the name refers to after the line. */
  answer: string;
  /** True when that object is not drawn at the step before the line. */
  answerIsNew: boolean;
  /** The answer in words, e.g. "the list ['eggs', 'milk']". */
  answerWords: string;
}

export interface OutputExercise extends ExerciseBase {
  kind: 'output';
  /** What the line printed, ends trimmed. */
  answer: string;
}

export interface FreedExercise extends ExerciseBase {
  kind: 'freed';
  /** Trace ids of the objects drawn before the line that CPython frees while it runs, in drawing order. */
  answer: string[];
  /** The objects drawn before the line, each in words: the reader's choices. */
  choices: Record<string, string>;
  /** One sentence of why for each object the line frees, or that loses a reference and lives on. */
  reasons: Record<string, string>;
}

export type Exercise = PointerExercise | OutputExercise | FreedExercise;

/** An authoring mistake in a `# @predict` comment, on a line of the shown code. */
export interface ExerciseProblem {
  kind: 'exercise';
  line: number;
  message: string;
  hint: string;
}
