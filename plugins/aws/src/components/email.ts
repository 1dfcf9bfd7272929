/**
 * `sst.aws.Email` (../docs 04-email.md): an Amazon SES identity for an email address or a domain, its
 * configuration set, event notifications, and — for a domain — the DKIM and DMARC records, created through a
 * DNS adapter.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, SSTError, isDnsAdapter, logicalName, physicalName, useProgram, type ComponentArgs, type DnsAdapter, type LinkPayload, type Transform } from "@sst/core";
import { dns as awsDns } from "./dns.js";
import { eventDestination, type EmailEvent } from "./helpers/email-events.js";
import { permission } from "./helpers/permission.js";

export type { EmailEvent, EmailEventType } from "./helpers/email-events.js";

export interface EmailArgs extends ComponentArgs {
  /**
   * The email address or domain name to send emails from. An address must be verified: on deploy, SES
   * emails it a verification link. A domain is verified through DNS records, created for you by the `dns`
   * adapter; you can then send from any address in the domain.
   * @example
   * { sender: "john.smith@gmail.com" }
   * { sender: "example.com" }
   * { sender: "example.com", dns: sst.cloudflare.dns() }
   */
  sender: pulumi.Input<string>;
  /**
   * The DNS adapter that creates the domain's DKIM and DMARC records. Only for a domain `sender`. With
   * `false`, add the records yourself (the deploy then does not wait for the domain to be verified).
   * @default `sst.aws.dns()`
   * @example
   * { dns: sst.aws.dns({ zone: "Z2FDTNDATAQYW2" }) }
   * { dns: sst.cloudflare.dns() }
   */
  dns?: false | DnsAdapter;
  /**
   * The DMARC policy of the domain: a `_dmarc` TXT record with this value. Only for a domain `sender`.
   * @default `"v=DMARC1; p=none;"`
   * @example { dmarc: "v=DMARC1; p=quarantine; adkim=s; aspf=s;" }
   */
  dmarc?: pulumi.Input<string>;
  /**
   * Event notifications: each sends the given event types to an SNS topic or an EventBridge bus.
   * @default No event notifications
   * @example { events: [{ name: "OnBounce", types: ["bounce"], topic: "arn:aws:sns:us-east-1:123456789012:MyTopic" }] }
   */
  events?: EmailEvent[] | EmailEvent;
  /** [Transform](https://sst.dev/docs/components#transform) how this component creates its underlying resources. */
  transform?: {
    /** Transform the SES configuration set resource. */
    configurationSet?: Transform<aws.sesv2.ConfigurationSetArgs>;
    /** Transform the SES identity resource. */
    identity?: Transform<aws.sesv2.EmailIdentityArgs>;
  };
}

/** `Email.get`'s args: the identity is read, not created. */
interface EmailReference {
  ref: true;
  sender: pulumi.Input<string>;
}

/** SES configuration set names: letters, digits, `-` and `_`, up to 64 characters. */
const CONFIG_SET_NAME_MAX = 64;
const DEFAULT_DMARC = "v=DMARC1; p=none;";
/** SES's Easy DKIM gives every domain identity three tokens, each published as a CNAME. */
const DKIM_TOKENS = 3;

/**
 * The `Email` component lets you send emails in your app with Amazon SES. New SES accounts are in the
 * sandbox: they can send only to verified addresses until you request production access.
 *
 * Linking it gives `sender` and `configSet`, and `ses:*` on the identity and the configuration set.
 * @example
 * const email = new sst.aws.Email("MyEmail", { sender: "example.com" });
 * new sst.aws.Function("MyApi", { handler: "sender.handler", link: [email] });
 */
export class Email extends Component {
  static readonly __pulumiType = "sst:aws:Email";
  readonly #sender: pulumi.Output<string>;
  readonly #identity: aws.sesv2.EmailIdentity;
  readonly #configSet: aws.sesv2.ConfigurationSet;

  constructor(name: string, args: EmailArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(Email.__pulumiType, name, args, opts);
    if ((args as EmailArgs & Partial<EmailReference>).ref) {
      this.#identity = this.reference("identity", aws.sesv2.EmailIdentity, "Identity", args.sender);
      this.#configSet = this.reference("configurationSet", aws.sesv2.ConfigurationSet, "Config", this.#identity.configurationSetName.apply((n) => n ?? ""));
      this.#sender = this.#identity.emailIdentity;
      return;
    }
    checkDomainArgs(name, args);
    this.#sender = pulumi.output(args.sender);
    // The SDK requires the name up front, before the naming rules could fill it in: named here as they would,
    // `<app>-<stage>-<Name>Config-<random>`, the random part kept in state (ignoreChanges).
    this.#configSet = this.create(
      "configurationSet",
      aws.sesv2.ConfigurationSet,
      "Config",
      { configurationSetName: physicalName(useProgram(`Email "${name}"`).app, CONFIG_SET_NAME_MAX, `${name}Config`) },
      { ignoreChanges: ["configurationSetName"] },
    );
    this.#identity = this.create("identity", aws.sesv2.EmailIdentity, "Identity", {
      emailIdentity: args.sender,
      configurationSetName: this.#configSet.configurationSetName,
    });
    const events = args.events === undefined ? [] : Array.isArray(args.events) ? args.events : [args.events];
    events.forEach((event, i) => {
      this.create("event", aws.sesv2.ConfigurationSetEventDestination, `Event${typeof event.name === "string" ? logicalName(event.name) : i}`, {
        configurationSetName: this.#configSet.configurationSetName,
        eventDestinationName: event.name,
        eventDestination: eventDestination(name, event),
      });
    });
    if (typeof args.sender === "string") {
      if (isDomain(args.sender)) this.#verifyDomain(name, args);
    } else {
      // Known only once resolved, after run() has returned: the records (components and adapters exist only
      // while it runs) cannot be made then. An address needs none; a domain needs the string, or dns: false.
      this.#sender.apply((sender) => {
        checkDomainArgs(name, { ...args, sender });
        if (isDomain(sender) && args.dns !== false) throw domainOutput(name, sender);
      });
    }
  }

  /** DKIM and DMARC records through the adapter, and a wait for SES to see the domain verified. */
  #verifyDomain(name: string, args: EmailArgs): void {
    const dns = args.dns ?? awsDns();
    if (dns === false) return;
    const recordOpts = { parent: this };
    const tokens = this.#identity.dkimSigningAttributes.apply((a) => a?.tokens ?? []);
    for (let i = 0; i < DKIM_TOKENS; i++) {
      const token = tokens.apply((t) => t[i] ?? "");
      const record = { type: "CNAME", name: pulumi.interpolate`${token}._domainkey.${args.sender}`, value: pulumi.interpolate`${token}.dkim.amazonses.com` };
      dns.createRecord(name, record, recordOpts);
    }
    dns.createRecord(name, { type: "TXT", name: pulumi.interpolate`_dmarc.${args.sender}`, value: args.dmarc ?? DEFAULT_DMARC }, recordOpts);
    // Waits until SES sees the domain verified (the DKIM records are being created meanwhile). It depends on
    // the identity only, as in SST: a record that fails (no hosted zone) must fail the deploy, not stall it.
    this.create("verification", aws.ses.DomainIdentityVerification, "Verification", { domain: args.sender }, { dependsOn: [this.#identity] });
  }

  /** The sender email address or domain name. */
  get sender(): pulumi.Output<string> {
    return this.#sender;
  }

  /** The name of the configuration set. */
  get configSet(): pulumi.Output<string> {
    return this.#configSet.configurationSetName;
  }

  /** The underlying resources this component creates. */
  override get nodes() {
    return {
      /** The Amazon SES identity. */
      identity: this.#identity,
      /** The Amazon SES configuration set. */
      configurationSet: this.#configSet,
    };
  }

  protected override outputs() {
    return { sender: this.sender, configSet: this.configSet };
  }

  getSSTLink(): LinkPayload {
    return {
      properties: { sender: this.sender, configSet: this.configSet },
      include: [permission({ actions: ["ses:*"], resources: [this.#identity.arn, this.#configSet.arn] })],
    };
  }

  /**
   * Reference an existing Email component by the address or domain of its SES identity (and the
   * configuration set the identity uses), e.g. to share the `dev` stage's sender with a personal stage.
   * @example
   * const email = $app.stage === "frank"
   *   ? sst.aws.Email.get("MyEmail", "spongebob@example.com")
   *   : new sst.aws.Email("MyEmail", { sender: "spongebob@example.com" });
   */
  static get(name: string, sender: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions = {}): Email {
    return new Email(name, { ref: true, sender } as EmailArgs, opts);
  }
}

function isDomain(sender: string): boolean {
  return !sender.includes("@");
}

/** `dns` and `dmarc` are for a domain sender only; `dns` must be an adapter or `false`. */
function checkDomainArgs(name: string, args: EmailArgs): void {
  if (args.dns !== undefined && args.dns !== false && !isDnsAdapter(args.dns)) {
    throw new SSTError({
      code: "E_EMAIL_DNS",
      message: `Email "${name}": "dns" must be a DNS adapter or false.`,
      hint: "Pass sst.aws.dns(), sst.cloudflare.dns() or sst.vercel.dns(), or false to add the records yourself.",
    });
  }
  if (typeof args.sender !== "string" || isDomain(args.sender)) return;
  for (const field of ["dns", "dmarc"] as const) {
    if (args[field] !== undefined && args[field] !== false) {
      throw new SSTError({
        code: "E_EMAIL_DOMAIN_ONLY",
        message: `Email "${name}": "${field}" is only valid when "sender" is a domain, and "${args.sender}" is an email address.`,
        hint: `Remove "${field}", or send from the domain ("${args.sender.split("@")[1]}").`,
      });
    }
  }
}

function domainOutput(name: string, sender: string): SSTError {
  return new SSTError({
    code: "E_EMAIL_SENDER_OUTPUT",
    message: `Email "${name}": "sender" is the domain "${sender}", given as an Output; its DKIM and DMARC records can only be created from a string.`,
    hint: `Pass the domain as a string ("${sender}"), or dns: false and add the records yourself.`,
  });
}
