import { Callout } from '@/components/ui/callout';

export function VoteList({
  votes,
}: {
  votes: { userId: string; name: string; chair: boolean; vote: string | null; canStillVote: boolean }[];
}) {
  return (
    <ul className="list-disc pl-6" aria-label="Stemmen">
      {votes.map((vote) => (
        <li key={vote.userId}>
          {vote.name}
          {vote.chair ? ' (voorzitter)' : ''}:{' '}
          {vote.vote === 'AGREE'
            ? 'akkoord'
            : vote.vote === 'OBJECT'
              ? 'bezwaar'
              : vote.canStillVote
                ? 'nog niet gestemd'
                : 'kan niet meer stemmen (neemt niet meer deel)'}
        </li>
      ))}
    </ul>
  );
}

export function Unreachable() {
  return (
    <Callout tone="error" role="status" className="mt-2">
      Dit voorstel kan geen consensus meer bereiken: iemand die moest beslissen, neemt niet meer deel. Wie akkoord moet
      gaan, ligt vast bij het voorstel; vertrek of verwijdering telt nooit als akkoord. Trek het voorstel in en doe zo
      nodig een nieuw voorstel.
    </Callout>
  );
}
