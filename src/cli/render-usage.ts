// `memlane render --help`: usage, the README's examples, and every flag with its meaning and default.
import { outputFlags } from '../slides/slide-options.ts';
import { diagramFlagsHelp, formatFlags, type FlagHelp } from './flag-help.ts';

const outputHelp: FlagHelp[] = Object.entries(outputFlags).map(([flag, spec]) => ({
  flag,
  ...('short' in spec ? { short: spec.short } : {}),
  ...('value' in spec ? { value: spec.value } : {}),
  does: spec.does,
  default: spec.default,
}));

export const renderUsage = `Usage: memlane render FILE.py [options]
       memlane render A.py B.py [C.py] [options]

Draws the memory diagram of a Python snippet, run in real CPython, as SVG or PNG for slides; every
step as one GIF animation, or a PDF handout with a page per step.
FILE.py can be - to read the snippet from standard input.
Two or three files are compared: their sides in one picture, each labelled by its file's stem,
stepped together on aligned moments (lines the programs share run at the same moment), what
differs in what the names share marked and said under them. So is one file whose code holds
\`# @side LABEL\` lines. --step and --all-steps then count moments.

Examples:
  memlane render snippet.py -o diagram.svg                 # last step
  memlane render snippet.py -o diagram.png --theme dark --with-code --width 1600
  memlane render snippet.py --all-steps --out-dir steps/   # steps/step-01.svg, step-02.svg, ...
  memlane render snippet.py -o steps.gif --with-code --width 1280 --delay 1200   # every step
  memlane render snippet.py -o handout.pdf                 # a page per step: code, note, description
  memlane render snippet.py -o diagram.svg --watch         # again on every save, until Ctrl-C
  memlane render shallow.py deep.py -o pair.svg            # two programs compared, side by side

Output:
${formatFlags(outputHelp)}

Diagram (the options of a python memory fence, with the same values and limits):
${formatFlags(diagramFlagsHelp())}

Exit status: 0 written (and after Ctrl-C ends --watch), 1 the snippet failed in Python,
2 a bad option, file or step.`;
