// The playground's starting programs: each shows one idea of the course in a few lines.
export interface PlaygroundExample {
  title: string;
  code: string;
}

export const playgroundExamples: PlaygroundExample[] = [
  {
    title: 'Two names, one list',
    code: ['groceries = ["eggs", "milk"]', 'basket = groceries', 'basket.append("tea")', 'print(groceries)'].join('\n'),
  },
  {
    title: 'A call gets its own frame',
    code: [
      'def add_tax(prices, rate):',
      '    taxed = [p * (1 + rate) for p in prices]',
      '    return taxed',
      '',
      'cart = [10, 20]',
      'total = add_tax(cart, 0.5)',
    ].join('\n'),
  },
  {
    title: 'Shallow and deep copies',
    code: [
      'import copy',
      '',
      'grid = [[1, 2], [3, 4]]',
      'shallow = copy.copy(grid)',
      'deep = copy.deepcopy(grid)',
      'grid[0].append(99)',
    ].join('\n'),
  },
  {
    title: 'A linked list',
    code: [
      'class Node:',
      '    def __init__(self, value, next=None):',
      '        self.value = value',
      '        self.next = next',
      '',
      'head = None',
      'for value in [3, 2, 1]:',
      '    head = Node(value, head)',
    ].join('\n'),
  },
  {
    title: 'A dict of lists',
    code: [
      'scores = {}',
      'for name, points in [("ada", 3), ("bob", 5), ("ada", 4)]:',
      '    scores.setdefault(name, []).append(points)',
    ].join('\n'),
  },
  {
    title: 'Two programs side by side: a default list',
    code: [
      '# @side acc=[]',
      'def add(item, acc=[]):',
      '    acc.append(item)',
      '    return acc',
      '',
      'first = add(1)',
      'second = add(2)',
      '',
      '# @side acc=None',
      'def add(item, acc=None):',
      '    if acc is None:',
      '        acc = []',
      '    acc.append(item)',
      '    return acc',
      '',
      'first = add(1)',
      'second = add(2)',
    ].join('\n'),
  },
];
