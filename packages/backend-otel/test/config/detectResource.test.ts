import { detectResourceAttributes } from '../../src/config/detectResource.js';
import { OtelSpanConverter } from '../../src/spans/toOtelSpan.js';
import { makeSpans } from '../support/spans.js';

describe('resource attributes', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME under the attributes in code', () => {
    process.env.OTEL_RESOURCE_ATTRIBUTES = 'deployment.environment=prod,team=pay%20ments';
    process.env.OTEL_SERVICE_NAME = 'from-env';
    expect(detectResourceAttributes({ team: 'code' })).toEqual({
      'service.name': 'from-env',
      'deployment.environment': 'prod',
      team: 'code',
    });
    expect(detectResourceAttributes({}, 'explicit')['service.name']).toBe('explicit');
  });

  it('defaults service.name to lexigram-app and can ignore the environment', () => {
    process.env.OTEL_RESOURCE_ATTRIBUTES = 'a=b';
    delete process.env.OTEL_SERVICE_NAME;
    expect(detectResourceAttributes({}, undefined, false)).toEqual({
      'service.name': 'lexigram-app',
    });
  });

  it("keeps a span's own resource over detected attributes", async () => {
    const [span] = await makeSpans(1);
    const converter = new OtelSpanConverter({ 'service.name': 'lexigram-app', region: 'eu' });
    const resource = converter.convert(span!).resource;
    expect(resource.attributes).toMatchObject({
      'service.name': 'checkout',
      'service.version': '1.2.3',
      region: 'eu',
    });
    // one resource object per tracer resource, so the serializer makes one ResourceSpans
    expect(converter.convert(span!).resource).toBe(resource);
  });
});
