import { CAMPAIGN_ID, LoopWorld, ok, PLAN } from '../fixtures/scheduler-loop-world';

/*
 * Text that reaches the hash-chained log and the exports is stored as it is sent, so control
 * characters, bidirectional overrides and lone surrogates are refused at the door, on every
 * route, with the field named; Chinese, emoji and line breaks go through.
 */
describe('text in requests over HTTP', () => {
  let w: LoopWorld;
  const report = (narrative: string) => ({ period: '2021-Q3', metrics: { participants: 120 }, narrative });

  beforeAll(async () => {
    w = await LoopWorld.start();
    w.t.clock.set('2021-07-20T10:00:00+08:00');
    await w.approvedProject('p-a', 'unitA', 'xy', '纺织挡车工技能比武', 'non_public');
    ok(await w.post('/api/v1/projects', { projectId: 'p-draft', campaignId: CAMPAIGN_ID, title: '织造车间技术比武', category: 'skills', implementationPlan: PLAN, registrationForm: { contactName: '张伟', contactPhone: '0792-8227328', headcount: 80 } }, 'unitA'), 201);
    w.t.clock.set('2021-10-05T10:00:00+08:00');
  });
  afterAll(() => w.stop());

  /** Sends a request that must be refused as REQUEST.INVALID, and checks that neither the stream nor the log moved. */
  async function refusedText(method: 'POST' | 'PATCH', url: string, body: unknown, streamId: string): Promise<any> {
    const head = await w.store.headPosition();
    const revision = await w.store.streamRevision(streamId);
    const res = await w.t.request(method, url, { token: w.tok.unitA, body });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID' });
    expect(await w.store.streamRevision(streamId)).toBe(revision);
    expect(await w.store.headPosition()).toBe(head);
    return res.body;
  }

  describe('when a title or a narrative holds a control character', () => {
    it('refuses a title of a lone NUL, naming the field, and the draft keeps its title', async () => {
      const problem = await refusedText('PATCH', '/api/v1/projects/p-draft', { title: '\u0000' }, 'project-p-draft');
      expect(problem.errors).toEqual([{ field: 'title', messageZh: expect.stringContaining('U+0000'), messageEn: expect.stringContaining('title contains the invisible control character U+0000') }]);
      expect(problem.messageZh).toContain('字段 title：含有不可见的控制字符 U+0000');
      expect(ok(await w.get('/api/v1/projects/p-draft', 'unitA')).body.title).toBe('织造车间技术比武');
    });

    it('refuses a narrative with a right-to-left override (U+202E) and a NUL', async () => {
      const problem = await refusedText('POST', '/api/v1/projects/p-a/progress-reports', report('开展技能比武 \u202e test \u0000 nul'), 'project-p-a');
      expect(problem.errors).toEqual([{ field: 'narrative', messageZh: expect.stringContaining('改变文字显示方向的控制字符 U+202E'), messageEn: expect.stringContaining('U+202E') }]);
    });

    it('names a nested field by its full path, and refuses a lone surrogate and a C1 control', async () => {
      const problem = await refusedText('PATCH', '/api/v1/projects/p-draft', { registrationForm: { contactName: '张\ud800伟', contactPhone: '0792\u0085' } }, 'project-p-draft');
      expect(problem.errors.map((e: any) => [e.field, e.messageEn.match(/U\+[0-9A-F]{4}/)?.[0]])).toEqual([['registrationForm.contactName', 'U+D800'], ['registrationForm.contactPhone', 'U+0085']]);
      expect(problem.errors[0].messageZh).toContain('不成对的代理字符');
    });

    it('refuses a key holding a control character without echoing it', async () => {
      const problem = await refusedText('POST', '/api/v1/projects/p-a/progress-reports', { ...report('开展技能比武'), metrics: { 'partici\u2066pants': 1 } }, 'project-p-a');
      expect(problem.errors.map((e: any) => e.field)).toEqual(['metrics.partici\\u2066pants']);
      expect(JSON.stringify(problem)).not.toMatch(/\u2066/);
    });

    it('refuses a query parameter holding one', async () => {
      const res = await w.t.get(`/api/v1/board?campaignId=${encodeURIComponent('jj\u0007')}`, w.tok.city);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'campaignId' }] });
    });
  });

  describe('when the text is ordinary Chinese, emoji and line breaks', () => {
    it('files a narrative with line breaks, a tab, full-width punctuation and emoji (a ZWJ sequence too), stored as sent', async () => {
      const narrative = '开展挡车工技能比武 3 场，参赛职工 1200 人次。\n第二场：\t细纱车间甲班夺冠！🏆\r\n👩‍🔧 女工组表现突出';
      const filed = ok(await w.post('/api/v1/projects/p-a/progress-reports', report(narrative), 'unitA'), 201);
      expect(filed.body.events).toEqual(['ProgressReportFiled']);
      const list = ok(await w.get('/api/v1/projects/p-a/progress-reports', 'unitA')).body;
      expect(list.periods[0].current.narrative).toBe(narrative);
    });

    it('edits a draft title with an emoji', async () => {
      ok(await w.t.request('PATCH', '/api/v1/projects/p-draft', { token: w.tok.unitA, body: { title: '织造车间技术比武 💪' } }));
    });
  });

  describe('when the body is not JSON', () => {
    it('refuses a form or text body with 415, naming what was sent, and records nothing; JSON with a charset goes through', async () => {
      const head = await w.store.headPosition();
      const form = await w.t.request('PATCH', '/api/v1/projects/p-draft', { token: w.tok.unitA, rawBody: 'title=%E8%A1%A8%E5%8D%95', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(form.status).toBe(415);
      expect(form.headers['content-type']).toContain('application/problem+json');
      expect(form.body).toMatchObject({ code: 'HTTP.UNSUPPORTED_MEDIA_TYPE', contentType: 'application/x-www-form-urlencoded', accepted: ['application/json'] });
      const text = await w.t.request('PATCH', '/api/v1/projects/p-draft', { token: w.tok.unitA, rawBody: '{"title":"文本"}', headers: { 'content-type': 'text/plain' } });
      expect(text.body).toMatchObject({ status: 415, messageZh: '请求体须为 JSON（Content-Type: application/json），收到的是 text/plain。' });
      expect(await w.store.headPosition()).toBe(head);
      ok(await w.t.request('PATCH', '/api/v1/projects/p-draft', { token: w.tok.unitA, rawBody: '{"title":"织造车间技术比武"}', headers: { 'content-type': 'application/json; charset=utf-8' } }));
    });
  });
});
