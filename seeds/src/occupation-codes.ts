/** The occupations the seeds post and give workers, by their 职业分类大典 (GB/T 6565) code. */
export const OCC = {
  bricklayer: '6-29-01-01', // 砌筑工: the seeds' construction labourer
  chineseCook: '4-03-02-01', // 中式烹调师
  cleaner: '4-09-08-01', // 保洁员
  communityWorker: '3-01-04-01', // 村务和社区工作者
  cropFarmer: '5-01-02-01', // 农艺工
  domesticWorker: '4-10-01-06', // 家政服务员
  elderlyCarer: '4-10-01-05', // 养老护理员
  electrician: '6-31-01-03', // 电工
  electronicsAssembler: '6-25-04-07', // 电子设备装接工
  embroiderer: '6-09-03-11', // 抽纱刺绣工
  folkCraftMaker: '6-09-03-17', // 民间工艺品制作工
  forestRanger: '5-02-03-01', // 护林员
  hairdresser: '4-10-03-02', // 美发师
  packer: '6-31-05-00', // 包装工
  parcelSorter: '4-02-07-09', // 快件处理员
  plasticsMoulder: '6-14-02-00', // 塑料制品成型制作工
  produceProcessor: '6-01-06-00', // 果蔬坚果加工工
  roadMaintainer: '6-29-02-04', // 公路养护工
  securityGuard: '4-07-05-01', // 保安员
  sewingMachinist: '6-05-01-03', // 缝纫工
  shoemaker: '6-05-04-01', // 制鞋工
  truckDriver: '4-02-02-02', // 道路货运汽车驾驶员
  unclassified: '8-00-00-00', // 不便分类的其他从业人员: wig making has no occupation of its own
  welder: '6-18-02-04', // 焊工
} as const;
