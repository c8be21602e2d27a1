/** CloudEvents for e2e scenarios, numbered so each (source, id) is unique within a test. */
export class CloudEventFactory {
  private next = 1;

  constructor(
    private readonly caseSource = 'urn:case-system:wccis:W06000015',
    private readonly boardSource = 'urn:board:test-board',
  ) {}

  case(name: string, data: Record<string, unknown>, id = `case-${this.next++}`) {
    return {
      specversion: '1.0',
      id,
      source: this.caseSource,
      type: `safeguarding.${name}.v1`,
      datacontenttype: 'application/json',
      data: { localAuthority: 'W06000015', ...data },
    };
  }

  board(name: string, data: Record<string, unknown>, id = `board-${this.next++}`) {
    return { specversion: '1.0', id, source: this.boardSource, type: `safeguarding.${name}.v1`, data: { boardId: 'test-board', ...data } };
  }
}
