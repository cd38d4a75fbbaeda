import { Alert, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { useHasPermission, useSession } from '../../../iam/hooks/useSession';
import { votePaths } from '../api';
import { ElectorsTable } from '../components/ElectorsTable';
import { PaperBallotPanel } from '../components/PaperBallotPanel';
import { TurnoutCard } from '../components/TurnoutCard';
import { VoteActions } from '../components/VoteActions';
import { VoteHeader } from '../components/VoteHeader';
import { useElectors, usePaperEntries, useTally, useVote } from '../hooks/useVotes';

export type VoteLivePageProps = Record<string, never>;

/**
 * 表决进行中 (/owners/votes/:id): live turnout polled every ~5 s against the two-thirds quorum,
 * paper ballots entered and confirmed by two officers, the roll, and closing the vote.
 */
export function VoteLivePage(_props: VoteLivePageProps) {
  const { id } = useParams<{ id: string }>();
  const { i18n } = useTranslation('ownersVotes');
  const session = useSession();
  const canWrite = useHasPermission('owners.write');
  const vote = useVote(id, true);
  const open = vote.data?.status === 'open';
  const tally = useTally(id, true);
  const electors = useElectors(id, Boolean(vote.data?.electorate));
  const entries = usePaperEntries(id, open);

  if (vote.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (vote.isError) return <Alert type="error" showIcon title={apiErrorMessage(vote.error, i18n)} />;
  if (vote.data.status === 'closed') return <Navigate to={votePaths.result(vote.data.id)} replace />;

  return (
    <Flex vertical gap={16} data-testid="vote-live-page">
      <VoteHeader vote={vote.data} extra={<VoteActions vote={vote.data} />} />
      {tally.data ? <TurnoutCard tally={tally.data} /> : null}
      {open && canWrite ? (
        <PaperBallotPanel
          voteId={vote.data.id}
          electors={electors.data?.items ?? []}
          entries={entries.data?.items ?? []}
          userId={session.user.id}
        />
      ) : null}
      {vote.data.electorate ? (
        <ElectorsTable electors={electors.data?.items ?? []} loading={electors.isPending} />
      ) : null}
    </Flex>
  );
}
