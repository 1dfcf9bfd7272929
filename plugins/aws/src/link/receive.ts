/**
 * The receiver side of `link` for AWS: every `aws.permission` include (`sst.aws.permission`) of the links a
 * component receives becomes a statement of ONE IAM policy, an `aws.iam.RolePolicy` named
 * `<Receiver>LinkPolicy` on the receiver's role, created as a child of the receiver with the receiver's AWS
 * provider (so a function in another region or account gets its policy there).
 *
 * The role is `receiver.component.nodes.role` when that is an `aws.iam.Role` the component created. A
 * receiver given a role of its own (`role: "arn:..."` on a Function) gets no policy: as in SST, the
 * permissions of its links are the user's to grant on that role. Receivers that are not components (a dev
 * process) keep their `aws.permission` includes for their plugin to use.
 *
 * The policy is created right away when the role exists, else once the receiver is fully constructed (the
 * kernel's `component` hook): a component may resolve its links before it creates its role. A receiver's
 * links are resolved once; a second `resolveLinks` for the same receiver adds no second policy.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { Component, Kernel, LinkReceiver, ResolvedLink } from "@sst/core";
import { isPermission, type PermissionInclude } from "../components/helpers/permission.js";
import { policyJson } from "../components/helpers/policy-document.js";

interface Pending {
  name: string;
  statements: PermissionInclude[];
  provider?: pulumi.ProviderResource;
}

/** Roles that components reference rather than create (`role: "arn:..."`, `.get()`). */
const givenRoles = new WeakSet<object>();

/** Marks a role its component was given, not created: no link policy is put on it. */
export function markGivenRole(role: aws.iam.Role): void {
  givenRoles.add(role);
}

/** The IAM role a receiver's link policy goes on, when the component created one. */
export function receiverRole(component: Component): aws.iam.Role | undefined {
  const role = component.nodes.role;
  return aws.iam.Role.isInstance(role) && !givenRoles.has(role) ? role : undefined;
}

function createLinkPolicy(component: Component, pending: Pending): aws.iam.RolePolicy | undefined {
  const role = receiverRole(component);
  if (!role) return undefined;
  return new aws.iam.RolePolicy(
    `${pending.name}LinkPolicy`,
    { role: role.name, policy: policyJson(pending.statements) },
    { parent: component, provider: pending.provider },
  );
}

/** Taps `receive` (collect the statements) and `component` (create the policy on the finished receiver). */
export function tapLinkPermissions(kernel: Kernel): void {
  const pending = new WeakMap<Component, Pending>();
  const done = new WeakSet<Component>();
  kernel.hooks.receive.tap("aws", (links: ResolvedLink[], receiver: LinkReceiver) => {
    const component = receiver.component;
    if (!component) return links;
    const statements = links.flatMap((link) => link.include.filter(isPermission));
    if (statements.length && !done.has(component)) {
      done.add(component);
      const request = { name: receiver.name, statements, provider: receiver.provider("aws") };
      if (receiverRole(component)) createLinkPolicy(component, request);
      else pending.set(component, request);
    }
    return links.map((link) => ({ ...link, include: link.include.filter((include) => !isPermission(include)) }));
  });
  kernel.hooks.component.tap("aws", (component) => {
    const waiting = pending.get(component);
    if (!waiting) return;
    pending.delete(component);
    createLinkPolicy(component, waiting);
  });
}
