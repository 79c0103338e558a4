import { stepsFor } from '../../domain/activityPlan';
import { localStamp, longDate } from '../../domain/calendar';
import type { AssignmentRecord } from '../../domain/record';
import type { RemovalGround } from '../../domain/removal';
import { texts } from '../../i18n';
import { evaluationFacts } from '../shared/evaluationFacts';
import { historyText } from '../shared/history';
import { changedFieldNames } from '../shared/planChanges';
import { periodLabel } from '../shared/periodLabel';
import { planFacts } from '../shared/planFacts';
import type { PlanView } from '../shared/planView';
import { renderPdf, type Writer } from '../shared/pdf';

/** The record's sections, in the order the PDF has them (the browser test looks for each). */
export const recordSections = ['assignment', 'plans', 'decisions', 'evaluations', 'removals', 'snapshots', 'duties', 'reports'] as const;

/** The name a record goes by: the account's, or the kind of assignment and its owner. */
export function recordName(record: AssignmentRecord, locale: PlanView['locale']): string {
  return record.assignment.account?.name ?? `${texts(locale).approval.monitoring}, ${record.assignment.owner.name}`;
}

/** The record as a PDF a registrar can read: every section, "nothing recorded" where it is empty. */
export function recordPdf(record: AssignmentRecord, view: PlanView, communicator: string | undefined): Promise<Buffer> {
  const t = texts(view.locale);
  const r = t.records;
  const a = record.assignment;
  const day = (iso: string) => (iso ? longDate(iso, view.locale) : '–');
  const title = r.title(recordName(record, view.locale));
  return renderPdf({ title, author: 'Kanalkoll', created: new Date(record.generatedAt), language: view.locale, pageLabel: r.page }, (w: Writer) => {
    const list = (items: readonly unknown[], each: () => void) => (items.length === 0 ? w.paragraph(r.none) : each());
    w.title(title);
    w.paragraph(r.printed(localStamp(record.generatedAt)));

    w.heading(r.sections.assignment);
    w.fact(r.facts.id, a.id);
    w.fact(r.facts.status, r.statuses[a.status]);
    w.fact(r.facts.owner, a.owner.name);
    if (a.departmentId) w.fact(r.facts.department, view.departments.find((d) => d.id === a.departmentId)?.name ?? a.departmentId);
    if (a.account) w.fact(r.facts.account, `${a.account.name} (${a.account.platform}), ${a.account.url}`);
    w.fact(r.facts.created, day(a.createdAt));
    if (a.submittedAt) w.fact(r.facts.submitted, day(a.submittedAt));
    if (a.activatedAt) w.fact(r.facts.activated, day(a.activatedAt));
    if (a.closedAt) w.fact(r.facts.closed, day(a.closedAt));
    if (a.finalSnapshot) w.fact(r.facts.finalSnapshot, a.finalSnapshot.kind === 'uploaded' ? r.finalUploaded(periodLabel(t, a.finalSnapshot.period)) : r.finalReference(a.finalSnapshot.reference));

    w.heading(r.sections.plans);
    list(record.planVersions, () => {
      for (const version of record.planVersions) {
        w.subheading(r.version(version.version, day(version.submittedAt)));
        // R6: who changed what, and who approved it.
        if (version.changed) w.paragraph(t.planChange.record.changedBy(version.submittedBy ?? '', changedFieldNames(t, version.changed).join(', ')));
        if (version.approvedBy) w.paragraph(t.planChange.record.approvedBy(version.approvedBy.map((a) => `${a.name} (${t.approval.roles[a.role as keyof typeof t.approval.roles] ?? a.role}, ${day(a.at)})`).join(', ')));
        for (const step of stepsFor(version.plan.kind)) {
          const answers = (version.plan as unknown as Record<string, object | undefined>)[step];
          if (!answers) continue;
          w.paragraph(t.plan[step].title);
          for (const fact of planFacts(view, version.plan.kind, step, answers, communicator)) w.fact(fact.title, fact.value);
        }
      }
    });

    w.heading(r.sections.decisions);
    list(record.decisions, () => {
      for (const event of record.decisions) {
        const comment = event.comment && event.type !== 'RemovalRecorded' ? ` ${view.locale === 'sv' ? `”${event.comment}”` : `"${event.comment}"`}` : '';
        w.paragraph(`${localStamp(event.at)} · ${event.actorName} (${r.roles[event.role]}) ${historyText(view, event)}${comment}`);
      }
    });

    w.heading(r.sections.evaluations);
    list(record.evaluations, () => {
      for (const evaluation of record.evaluations) {
        w.subheading(r.evaluation(periodLabel(t, evaluation.period), day(evaluation.completedAt)));
        // R6: the period, per goal whether it was met and the figure reached, as the communicator got it.
        for (const fact of evaluationFacts(t, view.locale, evaluation.report)) w.fact(fact.title, fact.value);
      }
    });

    w.heading(r.sections.removals);
    list(record.removals, () => {
      for (const removal of record.removals) {
        w.subheading(r.removal(removal.removedOn, t.removal.grounds[removal.ground as RemovalGround] ?? removal.ground));
        w.paragraph(removal.what);
        w.paragraph(r.recordedBy(removal.recordedBy, localStamp(removal.recordedAt)));
      }
    });

    w.heading(r.sections.snapshots);
    list(record.snapshots, () => {
      for (const snapshot of record.snapshots) {
        w.subheading(r.snapshot(periodLabel(t, snapshot.period), day(snapshot.completedAt)));
        if (snapshot.kind === 'snapshot') {
          w.fact(r.file, `${snapshot.fileName}, ${r.size(Math.max(1, Math.round(snapshot.size / 1024)))}`);
          w.fact(r.checksum, snapshot.sha256);
        } else {
          w.fact(r.reference, snapshot.reference);
        }
      }
    });

    w.heading(r.sections.duties);
    const d = record.duties;
    const duty = (name: string) => r.duties[name] ?? name;
    const period = (p: string) => periodLabel(t, p);
    list([...d.completed, ...d.absences, ...d.snoozed, ...(d.lastActivityAt ? [1] : []), ...(d.pausedUntil ? [1] : [])], () => {
      for (const done of d.completed) w.paragraph(r.completed(duty(done.duty), period(done.period), day(done.at)));
      for (const absence of d.absences) w.paragraph(r.absence(absence.from, absence.to, absence.substitute));
      for (const snooze of d.snoozed) w.paragraph(r.snoozed(duty(snooze.duty), period(snooze.period), snooze.until.slice(0, 10), snooze.times));
      if (d.lastActivityAt) w.paragraph(r.lastActivity(day(d.lastActivityAt)));
      if (d.pausedUntil) w.paragraph(r.paused(d.pausedUntil));
    });

    w.heading(r.sections.reports);
    list(record.reports, () => {
      for (const report of record.reports) {
        w.subheading(r.report(r.reportKinds[report.kind ?? 'criticism'], day(report.filedAt), report.diaryNumber, report.numberAsked !== false));
        w.paragraph(report.excerpt);
        if (report.picture) w.fact(r.picture, report.picture);
        if (report.link) w.paragraph(report.link);
      }
    });
  });
}
