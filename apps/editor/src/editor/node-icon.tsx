import {
  ArrowRightLeft,
  Bell,
  Braces,
  CircleArrowUp,
  CircleCheck,
  CircleStop,
  Clock,
  Crown,
  Equal,
  FaceSlightlySmiling,
  Flag,
  Folder,
  GitBranch,
  Globe,
  Hash,
  Headset,
  Hourglass,
  Inbox,
  type LucideIcon,
  MessageCircle,
  MessagesSquare,
  Play,
  Puzzle,
  Radio,
  RefreshCw,
  Repeat,
  Reply,
  Star,
  Tag,
  TextSearch,
  Timer,
  TriangleExclamationPoint,
  UserCheck,
  UserRound,
  Zap,
} from 'lucide-react';
import type { NodeKindName } from '../model/flow-to-canvas';

/**
 * The catalog names icons in Lucide's kebab-case. Only these are bundled (the full set is
 * thousands); a custom node's unknown icon falls back to its kind's.
 */
const ICONS: Readonly<Record<string, LucideIcon>> = {
  inbox: Inbox,
  'message-circle': MessageCircle,
  headset: Headset,
  'refresh-cw': RefreshCw,
  star: Star,
  'text-search': TextSearch,
  equal: Equal,
  crown: Crown,
  radio: Radio,
  hash: Hash,
  'messages-square': MessagesSquare,
  repeat: Repeat,
  clock: Clock,
  braces: Braces,
  hourglass: Hourglass,
  timer: Timer,
  'user-check': UserCheck,
  flag: Flag,
  folder: Folder,
  'circle-check': CircleCheck,
  tag: Tag,
  'triangle-alert': TriangleExclamationPoint,
  reply: Reply,
  bell: Bell,
  'arrow-up-circle': CircleArrowUp,
  'arrow-right-left': ArrowRightLeft,
  'user-round': UserRound,
  globe: Globe,
  smile: FaceSlightlySmiling,
  'circle-stop': CircleStop,
};

const KIND_ICONS: Readonly<Record<NodeKindName, LucideIcon>> = {
  trigger: Play,
  condition: GitBranch,
  action: Zap,
  wait: Hourglass,
  end: CircleStop,
};

/** A node type's icon, by its catalog name or else by its kind. */
export function NodeIcon({ name, kind, size = 16 }: { name?: string | undefined; kind?: NodeKindName | undefined; size?: number }) {
  const Icon = (name ? ICONS[name] : undefined) ?? (kind ? KIND_ICONS[kind] : Puzzle);
  return <Icon size={size} aria-hidden className="node-icon" />;
}
