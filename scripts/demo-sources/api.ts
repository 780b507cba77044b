/** The few calls the demo makes to a running AutonomOS, through its public API as the demo tenant's admin. */
export class DemoApi {
  // plain fields, not parameter properties: Node runs this file by stripping types, which cannot rewrite those
  readonly baseUrl: string;
  private readonly token: string;

  private constructor(baseUrl: string, token: string) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** Signs in with the credentials `npm start` gave the demo tenant (DEMO_EMAIL / DEMO_PASSWORD in .dev.vars). */
  static async signIn(baseUrl: string, credentials: { email: string; password: string }): Promise<DemoApi> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(credentials),
    }).catch((err: unknown) => {
      throw new Error(`AutonomOS is not answering at ${baseUrl} (start it with \`npm start\` first; AUTONOMOS_URL picks another address): ${String(err)}`);
    });
    if (res.status !== 200) throw new Error(`signing in as ${credentials.email} failed: ${res.status} ${await res.text()}`);
    const { access_token } = (await res.json()) as { access_token: string };
    return new DemoApi(baseUrl, access_token);
  }

  /** The response, whatever its status: callers decide which statuses they expect. */
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text === "" ? null : JSON.parse(text) };
  }

  /** The response body when the status is the expected one; otherwise an error with the problem's detail. */
  async expect(status: number, method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.call(method, path, body);
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }
}
