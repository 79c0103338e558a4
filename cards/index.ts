export type { AdaptiveCard } from './template';
export { isVerb, verbs, type Verb } from './verbs';
export { welcomeCard, type WelcomeCardData } from './welcome';
export {
  planListCard,
  planReviewCard,
  planStatusCard,
  planStepCard,
  type Choice,
  type NoticeStyle,
  type PlanListCardData,
  type PlanReviewCardData,
  type PlanStatusCardData,
  type PlanStepCardData,
} from './plan';
export { approvalCard, type ApprovalCardData } from './approval';
export {
  accountAdminsCard,
  accountCloseCard,
  accountListCard,
  accountOwnerCard,
  registerCard,
  removalCard,
  type RemovalCardData,
  type AccountAdminsCardData,
  type AccountCloseCardData,
  type AccountListCardData,
  type AccountOwnerCardData,
  type RegisterCardData,
} from './account';
export { helpAnswerCard, helpTopicsCard, type HelpAnswerCardData, type HelpTopicsCardData } from './help';
export {
  reportFormCard,
  reportMenuCard,
  reportSummaryCard,
  reportsAboutCard,
  type ReportFormCardData,
  type ReportsAboutCardData,
  type ReportMenuCardData,
  type ReportSummaryCardData,
} from './report';
export { absenceCard, digestCard, dutyBundleCard, dutyCard, dutyEvaluationCard, type AbsenceCardData, type DigestCardData, type DutyCardData, type DutyEvaluationCardData } from './duty';
export { departmentsCard, type DepartmentsCardData } from './organisation';
export { figuresBody, overdueCard, overviewCard, withFigures, type FiguresCardData, type OverdueCardData, type OverviewCardData } from './overview';
